package bench;

/** Wall time, peak and committed heap, and CPU of the application and of PostgreSQL during one step. */
record Usage(String step, int teams, double seconds, double peakHeapMb, double committedMb, double appCores,
		double pgCores) {
}
