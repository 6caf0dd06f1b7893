// Placeholder from branch sim: the stream branch declared this test target before committing its files.
// Delete once the stream branch's tests are merged.
