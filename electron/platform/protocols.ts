import { protocol, type Session } from 'electron';
import { createAppFileHandler } from '../app/appFiles';
import { APP_SCHEME } from '../core/appOrigin';
import { createSampleRequestHandler, type SampleMediaSource } from '../media/sampleResponse';
import { SAMPLE_SCHEME } from '../../shared/wire';

/**
 * Declares app:// and sample:// as standard, secure schemes. Must run before the
 * app is ready. app:// is where the renderer lives (a real origin for CSP and IPC
 * checks); sample:// streams audio (stream: true for media seeking) and may be
 * fetched by the app (supportFetchAPI, corsEnabled). Neither bypasses CSP.
 */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
    {
      scheme: SAMPLE_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
      },
    },
  ]);
}

/** Serves the built renderer on app:// and library media on sample:// in the window's session. */
export function handleProtocols(
  session: Session,
  rendererRoot: string,
  media: SampleMediaSource,
): void {
  session.protocol.handle(APP_SCHEME, createAppFileHandler(rendererRoot));
  session.protocol.handle(SAMPLE_SCHEME, createSampleRequestHandler(media));
}
