# idbroker: one image for every replica. Build: docker build -t idbroker .
# The build stage compiles the TypeScript (`npm run build`, dev dependencies); the image runs the compiled JavaScript
# (dist/) with the production dependencies only, and no TypeScript loader. scripts/check-production-tree.sh (CI)
# assembles the same tree without Docker and runs it.
# Node 22 LTS: better-sqlite3 12 built against Node 24.19+ headers can abort the process when a statement is
# garbage-collected ("Assertion failed: (env) != nullptr", nodejs/node#65446); CI tests Node 24 on 24.18.1.

FROM node:22-bookworm-slim AS build
WORKDIR /src
# python3, make, g++: better-sqlite3 compiles from source when its prebuilt binary cannot be downloaded
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs ./scripts/
COPY bin ./bin
COPY server ./server
COPY adapters ./adapters
COPY config ./config
RUN npm run build

FROM node:22-bookworm-slim AS dependencies
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production IDBROKER_DATA_DIR=/data
COPY package.json package-lock.json ./
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
# package.json's bin: beside dist/ and without the sources it runs dist/ (npx idbroker … inside the container)
COPY bin ./bin
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080 8443 1389 1636
ENTRYPOINT ["node", "dist/bin/idbroker.js"]
CMD ["start"]
