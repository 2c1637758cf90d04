package org.scalelab.engine.provenance;

/**
 * What a run's numbers were made with besides the machine ({@link EnvironmentInfo}): the ScaleLab version and
 * commit, and the data. Two runs whose figures differ can be told apart by it.
 *
 * @param scalelabVersion the Maven version, or {@value ScaleLabBuild#UNKNOWN}
 * @param gitCommit       the full hash of the checkout's HEAD, or {@value ScaleLabBuild#UNKNOWN} when ScaleLab
 *                        did not run from a checkout; changes not yet committed are not told apart
 * @param datasetChecksum the content checksum of the dataset as loaded, e.g. {@code sha256:99f9…}
 */
public record Provenance(String scalelabVersion, String gitCommit, String datasetChecksum) {
    private static final int SHORT_HEX = 12;

    /** This ScaleLab, with the checksum of the dataset it is about to train on. */
    public static Provenance of(String datasetChecksum) {
        return new Provenance(ScaleLabBuild.version(), ScaleLabBuild.commit(), datasetChecksum);
    }

    /** One line for people, hashes shortened as git shortens them: the record keeps them whole. */
    public String describe() {
        return "ScaleLab " + scalelabVersion + ", commit " + shortened(gitCommit) + ", dataset "
                + shortened(datasetChecksum);
    }

    private static String shortened(String hash) {
        int hex = hash.indexOf(':') + 1;
        return hash.length() > hex + SHORT_HEX ? hash.substring(0, hex + SHORT_HEX) : hash;
    }
}
