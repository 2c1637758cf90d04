package org.scalelab.engine.data;

/** How many training and test images a complete copy of a dataset has: catches wrong or partial files. */
record SplitSizes(int train, int test) {

    /** @throws DatasetException naming {@code where} when the counts differ */
    void check(TrainAndTest data, String datasetName, Object where) {
        if (data.train().size() != train || data.test().size() != test) {
            throw new DatasetException(where + ": holds " + Text.count(data.train().size()) + " training and "
                    + Text.count(data.test().size()) + " test images, but " + datasetName + " has "
                    + Text.count(train) + " and " + Text.count(test));
        }
    }
}
