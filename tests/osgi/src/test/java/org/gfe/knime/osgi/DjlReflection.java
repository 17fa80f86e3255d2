package org.gfe.knime.osgi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * DJL's NDArray API called by reflection. DJL exists only inside the plugin bundle (embedded, not exported), so the
 * test cannot link against it; it reaches DJL through the bundle's class loader, as KNIME's nodes would through
 * the bundle's own classes.
 */
final class DjlReflection {

    private final Class<?> ndArray;
    private final Class<?> ndManager;
    private final Class<?> shape;

    DjlReflection(ClassLoader bundleLoader) throws ClassNotFoundException {
        ndArray = bundleLoader.loadClass("ai.djl.ndarray.NDArray");
        ndManager = bundleLoader.loadClass("ai.djl.ndarray.NDManager");
        shape = bundleLoader.loadClass("ai.djl.ndarray.types.Shape");
    }

    /** manager.create(float[], new Shape(dims)). */
    Object create(Object manager, float[] data, long... dims) throws ReflectiveOperationException {
        Object shapeOf = shape.getConstructor(long[].class).newInstance((Object) dims);
        return invoke(ndManager.getMethod("create", float[].class, shape), manager, data, shapeOf);
    }

    /** An NDArray method whose arguments are NDArrays or Numbers, e.g. call(a, "matMul", b), call(a, "add", 1). */
    Object call(Object array, String method, Object... args) throws ReflectiveOperationException {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = ndArray.isInstance(args[i]) ? ndArray : Number.class;
        }
        return invoke(ndArray.getMethod(method, types), array, args);
    }

    float[] values(Object array) throws ReflectiveOperationException {
        return (float[]) invoke(ndArray.getMethod("toFloatArray"), array);
    }

    private static Object invoke(Method method, Object target, Object... args) throws ReflectiveOperationException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // DJL's own error, with its message
            }
            throw e;
        }
    }
}
