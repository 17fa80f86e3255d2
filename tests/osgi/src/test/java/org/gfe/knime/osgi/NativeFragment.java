package org.gfe.knime.osgi;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** One per-platform fragment with PyTorch's libraries, as the build makes it (see natives/). */
record NativeFragment(String symbolicName, String classifier, String osgiOs, String osgiArch, String torchLibrary,
        Supplier<Path> jar) {

    static final NativeFragment LINUX = new NativeFragment("org.gfe.knime.natives.linux.x86_64", "linux-x86_64",
            "linux", "x86_64", "libtorch_cpu.so", BuiltArtifacts::nativesLinux);
    static final NativeFragment WINDOWS = new NativeFragment("org.gfe.knime.natives.win.x86_64", "win-x86_64",
            "win32", "x86_64", "torch_cpu.dll", BuiltArtifacts::nativesWindows);
    static final NativeFragment MAC = new NativeFragment("org.gfe.knime.natives.osx.aarch64", "osx-aarch64",
            "macosx", "aarch64", "libtorch_cpu.dylib", BuiltArtifacts::nativesMac);

    static List<NativeFragment> all() {
        return List.of(LINUX, WINDOWS, MAC);
    }

    /** The Eclipse-PlatformFilter the fragment must carry. */
    String platformFilter() {
        return "(& (osgi.os=" + osgiOs + ") (osgi.arch=" + osgiArch + "))";
    }

    boolean matches(String os, String arch) {
        return osgiOs.equals(os) && osgiArch.equals(arch);
    }

    @Override
    public String toString() {
        return classifier;
    }
}
