"""The benchmark behind `make bench`: corpora of N articles, build, rebuild and writer-loop figures,
Lighthouse."""
