# syntax=docker/dockerfile:1
# memcg-review GitHub App: build with the dev dependencies, run with the production ones only.
# No dependency needs an install script (the C grammar is loaded as WebAssembly): --ignore-scripts.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY scripts/bundle.mjs scripts/train-code-cache.mjs ./scripts/
# The CLI's code cache is made by a training run on the demo series and tree (same Node.js as the runtime stage).
COPY fixtures/demo ./fixtures/demo
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# probot answers GET /ping with PONG.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Runs `probot run ./dist/app/index.js`. Use `docker run --init` so signals reach the server.
CMD ["npm", "start"]
