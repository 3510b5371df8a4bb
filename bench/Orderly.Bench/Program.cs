using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Orderly.Bench.AllocationEngineBenchmark).Assembly).Run(args);
