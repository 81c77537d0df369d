// Placeholder entry point; the benchmark harness replaces it (see docs/benchmarks.md).
System.Console.WriteLine("MsDrm.Benchmarks: not implemented yet.");
return 0;
