// Apps under test share Hangfire's and the culture's process-wide statics, and the machine has two cores:
// test classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
