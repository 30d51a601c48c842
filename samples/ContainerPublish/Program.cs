// The workload itself is not the point of this sample: its container image and the manifests that name it are.
System.Console.WriteLine("hello from a confidential pod");
