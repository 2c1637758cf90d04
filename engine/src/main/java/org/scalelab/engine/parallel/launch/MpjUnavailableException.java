package org.scalelab.engine.parallel.launch;

/** MPJ Express, or the part of ScaleLab built against it, is missing; the message says how to get it. */
public final class MpjUnavailableException extends RankJobException {
    private static final long serialVersionUID = 1L;

    static final String REMEDY = """
            Install MPJ Express 0.44 in one of these ways, then rebuild ScaleLab (./mvnw compile) so that its \
            scalelab-mpj module is built too:
              - Debian/Ubuntu:  sudo apt-get install libmpj-java   (brings log4j 1.2 along)
              - without root:   apt-get download libmpj-java liblog4j1.2-java
                                for deb in *.deb; do dpkg-deb -x "$deb" ~/mpj; done
                                export MPJ_HOME=~/mpj/usr/share/mpj
              - elsewhere:      unpack the MPJ Express tarball (https://sourceforge.net/projects/mpjexpress/)
                                and export MPJ_HOME=<the unpacked folder>""";

    MpjUnavailableException(String problem) {
        super(problem + "\n" + REMEDY);
    }
}
