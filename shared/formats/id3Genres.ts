/**
 * The numbered genres of ID3v1 (0–79) and the Winamp extensions (80–191), used by ID3v1
 * genre bytes and by ID3v2 TCON values written as "(17)" or "17".
 */
const GENRES = (
  'Blues|Classic Rock|Country|Dance|Disco|Funk|Grunge|Hip-Hop|Jazz|Metal|New Age|Oldies|' +
  'Other|Pop|R&B|Rap|Reggae|Rock|Techno|Industrial|Alternative|Ska|Death Metal|Pranks|' +
  'Soundtrack|Euro-Techno|Ambient|Trip-Hop|Vocal|Jazz+Funk|Fusion|Trance|Classical|' +
  'Instrumental|Acid|House|Game|Sound Clip|Gospel|Noise|Alternative Rock|Bass|Soul|Punk|' +
  'Space|Meditative|Instrumental Pop|Instrumental Rock|Ethnic|Gothic|Darkwave|' +
  'Techno-Industrial|Electronic|Pop-Folk|Eurodance|Dream|Southern Rock|Comedy|Cult|Gangsta|' +
  'Top 40|Christian Rap|Pop/Funk|Jungle|Native American|Cabaret|New Wave|Psychedelic|Rave|' +
  'Showtunes|Trailer|Lo-Fi|Tribal|Acid Punk|Acid Jazz|Polka|Retro|Musical|Rock & Roll|' +
  'Hard Rock|Folk|Folk-Rock|National Folk|Swing|Fast Fusion|Bebop|Latin|Revival|Celtic|' +
  'Bluegrass|Avantgarde|Gothic Rock|Progressive Rock|Psychedelic Rock|Symphonic Rock|' +
  'Slow Rock|Big Band|Chorus|Easy Listening|Acoustic|Humour|Speech|Chanson|Opera|' +
  'Chamber Music|Sonata|Symphony|Booty Bass|Primus|Porn Groove|Satire|Slow Jam|Club|Tango|' +
  'Samba|Folklore|Ballad|Power Ballad|Rhythmic Soul|Freestyle|Duet|Punk Rock|Drum Solo|' +
  'A Cappella|Euro-House|Dance Hall|Goa|Drum & Bass|Club-House|Hardcore|Terror|Indie|' +
  'BritPop|Afro-Punk|Polsk Punk|Beat|Christian Gangsta Rap|Heavy Metal|Black Metal|' +
  'Crossover|Contemporary Christian|Christian Rock|Merengue|Salsa|Thrash Metal|Anime|JPop|' +
  'Synthpop|Abstract|Art Rock|Baroque|Bhangra|Big Beat|Breakbeat|Chillout|Downtempo|Dub|' +
  'EBM|Eclectic|Electro|Electroclash|Emo|Experimental|Garage|Global|IDM|Illbient|' +
  'Industro-Goth|Jam Band|Krautrock|Leftfield|Lounge|Math Rock|New Romantic|Nu-Breakz|' +
  'Post-Punk|Post-Rock|Psytrance|Shoegaze|Space Rock|Trop Rock|World Music|Neoclassical|' +
  'Audiobook|Audio Theatre|Neue Deutsche Welle|Podcast|Indie Rock|G-Funk|Dubstep|' +
  'Garage Rock|Psybient'
).split('|');

/** The genre name for an ID3 genre number, or undefined (255 = none, unknown numbers). */
export function id3GenreName(n: number): string | undefined {
  return GENRES[n];
}

/** Resolves ID3v2 TCON forms: "(17)", "17", "(17)Rock", "(RX)", "Techno". */
export function resolveTcon(text: string): string | undefined {
  const t = text.trim();
  const numeric = /^\((\d{1,3})\)(.*)$/.exec(t) ?? /^(\d{1,3})()$/.exec(t);
  if (numeric) {
    const rest = numeric[2]?.trim() ?? '';
    return rest.length > 0 ? rest : id3GenreName(Number(numeric[1]));
  }
  if (t === '(RX)' || t === 'RX') return 'Remix';
  if (t === '(CR)' || t === 'CR') return 'Cover';
  return t.length > 0 ? t : undefined;
}
