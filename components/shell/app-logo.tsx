// The app's mark (回, public/logo.svg). Decorative: the app's name always stands beside it.
import Image from "next/image";

export function AppLogo({ size = 28, className }: { size?: number; className?: string }) {
  return <Image src="/logo.svg" alt="" width={size} height={size} className={className} data-testid="app-logo" />;
}
