"""Demo data: the seed agency (乐清市退役军人事务局) and a small hierarchy, with log-ins for every role."""
