import { paintFirstScreen } from './firstPaint/paintFirstScreen';
import './app/app.css';

// Web mode: the first rows are in the page. Draw them now as plain markup (a few KB of code),
// and load the app (React, the store, the audio engine) once that frame has been produced (the
// next frame has begun), so that evaluating the app's code does not hold the rows back. The
// app's chunk is fetched meanwhile (a modulepreload link in index.html).
const start = () => void import('./boot');
if (paintFirstScreen(document)) requestAnimationFrame(() => requestAnimationFrame(start));
else start();
