using Orderly.Cli;

return await OrderlyCommandLine.RunAsync(args);
