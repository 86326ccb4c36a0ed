"""The demo city of Kullahamn (`manage.py seed_demo`, `make run`) and the commands that run
the benchmarks; see demo/README.md. No domain app imports this package."""
