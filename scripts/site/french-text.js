/**
 * French municipal-news text for the generated site: titles, paragraphs, "Parmi les dernières
 * initiatives" items and agenda entries, drawn from word banks in the register of the one real page
 * we have (SITE.md). Typographic apostrophes (’), accents, "œ" and the odd "&" are there on purpose:
 * they are what a careless pipeline damages.
 */

const SUBJECTS = [
  'La Ville de Beauvais', 'Caroline Cayeux, Maire de Beauvais,', 'L’équipe municipale', 'Le conseil municipal',
  'La médiathèque du centre-ville', 'L’office de tourisme', 'L’Agglomération du Beauvaisis', 'Le service des sports',
  'Le centre communal d’action sociale', 'Les services techniques', 'L’association Oisux', 'Le conseil municipal des jeunes',
  'La direction de la culture', 'Le comité de quartier Saint-Jean', 'Le conseil citoyen d’Argentine', 'La maison des familles',
];
const VERBS = ['organise', 'lance', 'présente', 'accueille', 'inaugure', 'propose', 'poursuit', 'renouvelle', 'met en place', 'soutient', 'prépare', 'célèbre'];
const OBJECTS = [
  'une nouvelle édition de son marché nocturne', 'un programme d’animations gratuites', 'des ateliers numériques pour les seniors',
  'la rénovation de l’école Jules-Ferry', 'un concours de photographie amateur', 'les fêtes Jeanne-Hachette',
  'les rencontres mondiales des logiciels libres', 'un forum de l’emploi et de la formation', 'une exposition consacrée à la tapisserie',
  'la plantation de 500 arbres', 'le festival Théâtre & musique', 'la semaine du développement durable', 'un chantier d’insertion',
  'la collecte des encombrants', 'un plan vélo pour le centre-ville', 'la réfection de la rue de la Madeleine', 'les Foulées de la rue',
  'un cycle de conférences sur l’histoire de la cathédrale', 'la journée des associations', 'le marché de Noël',
];
const PLACES = [
  'place Jeanne-Hachette', 'au parc Marcel-Dassault', 'à l’Élispace', 'à l’Aquaspace', 'au quai de la Batellerie', 'dans les quartiers',
  'au théâtre du Beauvaisis', 'à la maladrerie Saint-Lazare', 'au plan d’eau du Canada', 'à l’hôtel de ville', 'au Quadrilatère',
  'à la médiathèque Saint-Jean', 'sur le parvis de la cathédrale Saint-Pierre', 'au stade Pierre-Brisson',
];
const WHEN = [
  'dès le samedi', 'jusqu’au dimanche', 'tout au long de l’été', 'chaque mercredi après-midi', 'pendant les vacances scolaires',
  'à partir de la rentrée', 'le premier week-end du mois', 'depuis le printemps', 'cet automne', 'pour la troisième année',
];
const TAILS = [
  'L’entrée est libre et gratuite.', 'Les inscriptions sont ouvertes en ligne sur le portail citoyen.',
  'Renseignements auprès de l’accueil de l’hôtel de ville.', 'Les habitants sont invités à donner leur avis lors des réunions publiques.',
  'Le programme complet est disponible à l’accueil des équipements municipaux.', 'Un service de navette gratuite sera mis en place.',
  'Les travaux seront réalisés en dehors des heures de pointe afin de limiter la gêne pour les riverains.',
  'Cette initiative s’inscrit dans le projet de territoire voté par le conseil municipal.',
  'Les familles peuvent retirer leur dossier au guichet unique.', 'Le stationnement sera interdit aux abords du site.',
];
const FIGURES = [
  'Plus de {n} personnes sont attendues.', 'Ce projet représente un investissement de {n} 000 euros.',
  'L’an dernier, {n} visiteurs avaient répondu présent.', '{n} bénévoles participent à l’organisation.',
  'Le dispositif concerne {n} foyers beauvaisiens.',
];
const INITIATIVES = [
  'le lancement du portail citoyen permettant l’inscription scolaire en ligne', 'la rénovation numérique de l’office de tourisme',
  'l’ouverture des sites internet dédiés à la vie associative et à l’emploi', 'l’acquisition d’un drone piloté pour des missions techniques',
  'l’installation d’un automate de prêt à la médiathèque du centre-ville', 'la captation des mariages sur clé USB remise aux époux',
  'l’accueil des assises territoriales de l’identité numérique du citoyen', 'l’accueil des rencontres mondiales des logiciels libres',
  'la création de jardins partagés dans trois quartiers', 'la mise en accessibilité des écoles maternelles',
  'l’extension du réseau de pistes cyclables', 'le remplacement de l’éclairage public par des lampes à LED',
  'l’ouverture d’une maison de santé pluridisciplinaire', 'la gratuité des transports urbains le samedi',
  'le soutien aux commerces de proximité du centre-ville', 'la création d’un conseil des aînés',
];
const EVENTS = [
  'Concert de l’Harmonie municipale', 'Marché de Noël', 'Séance du conseil municipal', 'Exposition « Tapisseries de Beauvais »',
  'Foulées de la rue', 'Fête de la musique', 'Bourse aux vêtements', 'Cinéma en plein air', 'Atelier numérique', 'Visite de la cathédrale',
  'Salon du livre jeunesse', 'Course cycliste du Beauvaisis', 'Braderie de la rue Carnot', 'Nuit des musées',
];
/** Openings that take a day and month after them ("dès le samedi 12 mars"). */
const WHEN_DATED = ['dès le samedi', 'jusqu’au dimanche', 'à partir du', 'le mercredi', 'du vendredi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** @typedef {import('./prng.js').Random} Random */

/** @param {string} text */
const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A news title, e.g. "La Ville de Beauvais lance un plan vélo pour le centre-ville".
 * @param {Random} rnd
 */
export function makeTitle(rnd) {
  switch (rnd.int(0, 3)) {
    case 0:
      return `${capitalise(rnd.pick(OBJECTS))} ${rnd.pick(PLACES)}`;
    case 1:
      return `${capitalise(rnd.pick(OBJECTS))} : ${rnd.pick(WHEN)} ${rnd.pick(PLACES)}`;
    case 2:
      return `${rnd.pick(SUBJECTS).replace(/,$/, '')} ${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)}`;
    default: {
      const n = rnd.int(2, 9);
      return `Beauvais labellisée ${rnd.int(1, 5)} arobases pour la ${n}ème année consécutive`;
    }
  }
}

/**
 * One sentence of body text.
 * @param {Random} rnd
 */
export function makeSentence(rnd) {
  switch (rnd.int(0, 4)) {
    case 0:
      return `${rnd.pick(SUBJECTS)} ${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)} ${rnd.pick(PLACES)}, ${rnd.pick(WHEN_DATED)} ${rnd.int(1, 28)} ${rnd.pick(MONTHS)}.`;
    case 1:
      return rnd.pick(TAILS);
    case 2:
      return rnd.pick(FIGURES).replace('{n}', String(rnd.int(12, 4500)));
    case 3:
      return `${capitalise(rnd.pick(WHEN))}, ${rnd.pick(SUBJECTS).replace(/,$/, '').replace(/^L[ae] |^Les /, (m) => m.toLowerCase())} ${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)}.`;
    default:
      return `Ce rendez-vous, devenu incontournable, réunit chaque année les Beauvaisiens ${rnd.pick(PLACES)} autour de ${rnd.pick(OBJECTS)}.`;
  }
}

/**
 * A paragraph of 2 to 5 sentences.
 * @param {Random} rnd
 */
export function makeParagraph(rnd) {
  const count = rnd.int(2, 5);
  const sentences = [];
  for (let i = 0; i < count; i++) sentences.push(makeSentence(rnd));
  return sentences.join(' ');
}

/**
 * Distinct items for a "Parmi les dernières initiatives :" list (3 to 8, no punctuation: the page adds ";" and ".").
 * @param {Random} rnd
 * @returns {string[]}
 */
export function makeInitiatives(rnd) {
  const pool = [...INITIATIVES];
  const count = rnd.int(3, 8);
  const items = [];
  for (let i = 0; i < count; i++) items.push(pool.splice(rnd.int(0, pool.length - 1), 1)[0] ?? '');
  return items;
}

/**
 * An agenda entry: its day label and its title.
 * @param {Random} rnd
 */
export function makeAgendaItem(rnd) {
  return { day: `${rnd.int(1, 28)} ${rnd.pick(MONTHS)}`, title: rnd.pick(EVENTS), place: rnd.pick(PLACES) };
}

/**
 * Joomla's alias of a title: ASCII, lower case, words joined by "-" ("le-2e-marche-nocturne-…").
 * @param {string} title
 */
export function slugify(title) {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
