# The run and test contract (README.md). The work is done by the scripts in bin/, so
# that the steps can be read and run on their own.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# make run PORT=8001 / make test PYTEST_ARGS="-k settings -x"
PORT ?= 8000
export PORT
PYTEST_ARGS ?=

.PHONY: help run test stop-services

help:
	@echo "make run            install what is missing, load the demo data, serve http://127.0.0.1:$(PORT)/ with a Celery worker"
	@echo "make test           install what is missing, start PostGIS and Redis if needed, run the whole test suite"
	@echo "make stop-services  stop the private PostgreSQL/Redis that make test may have started under var/"

run:
	@bin/run

test:
	@bin/test $(PYTEST_ARGS)

stop-services:
	@bin/test-services stop
