/**
 * Which URLs count as Patron's own page. Kept free of Electron imports so the
 * rule is unit-tested in plain Node.
 */
export class AppOrigin {
  private allowed: string | null = null;

  /** Records where the renderer is served from: file: in builds, the Vite dev server in development. */
  set(url: string): void {
    this.allowed = url.startsWith('file:') ? 'file://' : new URL(url).origin;
  }

  matches(url: string): boolean {
    if (!this.allowed) return false;
    if (this.allowed === 'file://') return url.startsWith('file://');
    try {
      return new URL(url).origin === this.allowed;
    } catch {
      return false;
    }
  }
}
