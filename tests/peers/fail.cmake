# cmake -DMESSAGE=... -P fail.cmake: a test that fails with MESSAGE (a prerequisite is missing).
message(FATAL_ERROR "${MESSAGE}")
