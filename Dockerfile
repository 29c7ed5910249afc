# One image for every Domovoy role; ROLES picks what a container runs.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production DOTENV_CONFIG_QUIET=true
COPY package.json package-lock.json ./
COPY . .
RUN npm ci --no-audit --no-fund && npm run build
EXPOSE 3000
ENTRYPOINT ["node", "--max-semi-space-size=64", "bin/domovoy.js"]
CMD ["start"]
