# Rapporteur: the Discord bot, with the knowledge base baked in.
#   docker build -t rapporteur .
#   docker run --rm -e DISCORD_TOKEN=... rapporteur
# Without DISCORD_TOKEN the container exits 2 with one line saying to set it.
# Python 3.11, as CI (.ci/run uses the machine's python3, 3.11).

# Stage 1: the wheel, with the answering core compiled by mypyc (bot/speedups.py). The
# compiler and mypy stay in this stage; the image gets only the wheel.
FROM python:3.11-slim AS compile
ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml constraints.txt ./
RUN python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print('\n'.join(p['dependencies']))" > requirements.txt \
    && pip install --no-cache-dir -c constraints.txt -r requirements.txt mypy setuptools types-PyYAML
COPY README.md ./
COPY bot/ ./bot/
COPY knowledge/ ./knowledge/
# --require: the image must not quietly ship a pure Python core.
RUN python -m bot.speedups build --require \
    && pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

# Stage 2: the image.
FROM python:3.11-slim

# No KNOWLEDGE_DIR: the installed package carries its knowledge base (bot/knowledge/).
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The dependencies, in their own layer: rebuilt only when pyproject.toml or constraints.txt change.
COPY pyproject.toml constraints.txt ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > requirements.txt \
    && pip install --no-cache-dir -c constraints.txt -r requirements.txt

# The code and the knowledge base, as the compiled wheel (owned by root: the bot cannot
# change them).
COPY --from=compile /wheels /wheels
RUN pip install --no-cache-dir --no-deps /wheels/*.whl \
    && rm -rf /wheels \
    && groupadd --gid 10001 rapporteur \
    && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin rapporteur

# A non-root user; the bot stores nothing. Its only file is the heartbeat in /tmp, touched
# every 30 s while it is connected to Discord; `rapporteur health` fails when it is missing
# or over 90 s old, so the platform sees a bot that lost Discord as unhealthy.
USER 10001:10001
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["rapporteur", "health"]
CMD ["rapporteur", "serve"]
