// Junge Geflüchtete in Schule und Beruf in the web interface: where its application form comes from.
export default {
  intro: 'Schulsozialarbeit, AVdual-Begleitung und Jugendberufshelfer für junge Geflüchtete; jedes Programm mit eigener Bewilligungsstelle.',
  application: { pricingPath: '/pricing' },
  views: [],
};
