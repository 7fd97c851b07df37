# gongkai — set-up, demo and tests. Every target installs what it needs first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# A Python >= 3.12: pyenv's (through .python-version) or a system python3.12/3.13/3.14.
PYTHON := $(shell for p in python3.12 python3.13 python3.14 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; raise SystemExit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
UV := .tools/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

PDF_PACKAGES := fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 libcairo2
BROWSER_PACKAGES := chromium
# axe-core checks every page a browser test opens for accessibility violations (npm, into .tools/npm).
AXE_VERSION := 4.14.1
AXE := .tools/npm/node_modules/axe-core/axe.min.js
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: help demo test test-sqlite test-postgres lint bench loadtest deps system-pdf system-browser postgres

help:
	@echo "make demo   安装依赖、创建 SQLite 数据库、载入演示机关并启动网站（http://127.0.0.1:8000）"
	@echo "make test   安装依赖并在 SQLite 与 PostgreSQL 上运行全部测试"
	@echo "make lint   ruff 检查"
	@echo "make loadtest  负载测试：申请人与读者并发访问本机网站 60 秒（SQLite 与 PostgreSQL）"

$(UV):
	@test -n "$(PYTHON)" || { echo "找不到 Python 3.12 或更高版本"; exit 1; }
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

deps: $(VENV)/.synced

# Install Debian packages only when one is missing, so repeated runs stay fast and offline.
define apt_ensure
	@missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "安装系统软件包：$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi
endef

system-pdf:
	$(call apt_ensure,$(PDF_PACKAGES))

system-browser: $(AXE)
	$(call apt_ensure,$(BROWSER_PACKAGES))

$(AXE):
	@command -v npm >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends npm >/dev/null; }
	npm install --silent --no-audit --no-fund --prefix .tools/npm axe-core@$(AXE_VERSION)

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done; echo "PostgreSQL 未能启动"; exit 1

demo: deps system-pdf
	DEBUG=$${DEBUG:-1} $(VENV)/bin/gongkai demo

test: deps system-pdf system-browser postgres test-sqlite test-postgres

test-sqlite: deps
	@echo "== 测试：SQLite =="
	env -u DATABASE_URL $(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

test-postgres: deps postgres
	@echo "== 测试：PostgreSQL =="
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: deps system-pdf
	$(VENV)/bin/python -m benchmarks $(BENCH_ARGS)

# N applicants and M readers against gunicorn on loopback, on SQLite and PostgreSQL (PG_URL's server).
loadtest: deps postgres
	DATABASE_URL=$(PG_URL) $(VENV)/bin/python -m loadtest $(LOADTEST_ARGS)
