# gonghui-bot: one stateless bot instance (HTTP API, Slack desk, outbox dispatcher).
# Several instances share PostgreSQL (DATABASE_URL); see docker-compose.yml and docs/deployment.md.
# Not built on the development machine (no Docker engine there): see docs/deployment.md.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 and hnswlib-node compile with node-gyp.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
# tsx is a runtime dependency (the service runs its TypeScript directly); dev tools stay out.
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=warn

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    INDEX_CACHE_DIR=/app/.cache/index
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY knowledge ./knowledge
COPY prompts ./prompts
# Build the retrieval index into the image, so an instance starts in seconds and all instances answer alike.
RUN npx tsx src/cli/build-index.ts && mkdir -p /app/data && chown -R node:node /app/data /app/.cache
USER node
EXPOSE 3000 3001
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
