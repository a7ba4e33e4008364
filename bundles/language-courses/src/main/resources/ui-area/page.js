// Spracherwerb (VwV Deutsch) in the web interface: where its application form comes from.
export default {
  intro: 'Sprachkurse für Geflüchtete ohne Anspruch auf einen Integrationskurs; abgerechnet wird nach gehaltenen Unterrichtseinheiten.',
  application: { pricingPath: '/pricing' },
  views: [],
};
