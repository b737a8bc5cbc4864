import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  // public/favicon.ico is also what browsers ask for on their own; the SVG serves those that take one.
  return {
    title: t("name"),
    description: t("tagline"),
    icons: { icon: [{ url: "/favicon.ico", sizes: "16x16 32x32" }, { url: "/logo.svg", type: "image/svg+xml" }] },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
