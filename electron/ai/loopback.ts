/** Whether a URL (or a bare host[:port]) names this machine: localhost, 127.x.x.x or ::1. */
export function isLoopbackHost(url: string): boolean {
  try {
    const host = new URL(url.includes('://') ? url : `http://${url}`).hostname;
    return (
      host === 'localhost' ||
      host === '[::1]' ||
      host === '::1' ||
      /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
    );
  } catch {
    return false;
  }
}
