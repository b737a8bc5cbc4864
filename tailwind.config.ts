// The theme tokens the app uses, in one place (loaded by app/globals.css with @config). Tailwind 4
// merges these into its defaults: `brand-*` joins the stock palette, `font-sans` replaces the stock
// stack with one that finds a CJK face on every desktop before any Latin-only fallback.
// public/logo.svg and public/favicon.ico (scripts/make-favicon.mjs) draw with brand-600.
import type { Config } from "tailwindcss";

const config = {
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6ff",
          100: "#d9eaff",
          300: "#8bb8f5",
          400: "#5b95ea",
          500: "#2f6fdb",
          600: "#1f5bc4",
          700: "#1a4a9e",
          900: "#13284d",
        },
        // The dark app shell (sidebar) and its muted text.
        shell: {
          DEFAULT: "#0f172a",
          muted: "#94a3b8",
        },
      },
      fontFamily: {
        sans: [
          "PingFang SC",
          "Hiragino Sans GB",
          "Microsoft YaHei",
          "Noto Sans CJK SC",
          "Noto Sans SC",
          "Source Han Sans SC",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "sans-serif",
        ],
      },
    },
  },
} satisfies Config;

export default config;
