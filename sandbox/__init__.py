"""A local AWS for the demo and the tests: moto server, LookupEvents emulator, fault proxy."""
