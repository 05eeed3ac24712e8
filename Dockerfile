# idbroker: one image for every replica. Build: docker build -t idbroker .
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production IDBROKER_DATA_DIR=/data
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY server ./server
COPY adapters ./adapters
COPY config ./config
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080 8443 1389 1636
ENTRYPOINT ["node", "bin/idbroker.js"]
CMD ["start"]
