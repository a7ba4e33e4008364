// Bürgerschaftliches Engagement in the web interface: where its application form comes from.
export default {
  intro: 'Projekte des bürgerschaftlichen Engagements im Wettbewerb: Aufruf, Bewertung, Rangfolge und Weiterleitung an Initiativen.',
  application: { pricingPath: '/pricing' },
  views: [],
};
