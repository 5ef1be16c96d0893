// WebApplicationFactory finds the application's host by listening for any host built in the
// process; the embedded simulators are real hosts built in the same process. With test classes in
// parallel, one class's simulator hosts could be built while another factory waits for its host,
// so these classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
