// Bürgerschaftliches Engagement in the web interface: how the application form is priced.
export default {
  intro: 'Projekte des bürgerschaftlichen Engagements im Wettbewerb: Aufruf, Bewertung, Rangfolge und Weiterleitung an Initiativen.',
  application: { pricingPath: '/pricing', applicantParam: 'applicant' },
  views: [],
};
