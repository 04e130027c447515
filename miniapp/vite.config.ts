import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Served by the product's Hono server at /miniapp; in development `vite` proxies /api to it.
export default defineConfig({
  root: import.meta.dirname,
  base: "/miniapp/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1_000 },
  server: { proxy: { "/api": `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
});
