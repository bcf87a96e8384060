import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** Bundles the `logfeat serve` page (web/) into dist/web/, everything local (works offline). */
export default defineConfig({
  root: fileURLToPath(new URL("web", import.meta.url)),
  base: "./",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1024,
  },
});
