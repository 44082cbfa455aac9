import { shell, type Session, type WebContents } from 'electron';
import { externalLinkFor, navigationDecision, permissionDecision } from '../app/navigationPolicy';

/** Denies new windows (https links go to the system browser) and navigation away from the app. */
export function lockNavigation(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkFor(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (navigationDecision(url) === 'deny') event.preventDefault();
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Grants the few browser permissions the app needs, to the app page only; denies everything else. */
export function lockPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionDecision(permission, details.requestingUrl || contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionDecision(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
