// Spracherwerb (VwV Deutsch) in the web interface: how the application form is priced.
export default {
  intro: 'Sprachkurse für Geflüchtete ohne Anspruch auf einen Integrationskurs; abgerechnet wird nach gehaltenen Unterrichtseinheiten.',
  application: { pricingPath: '/pricing', applicantParam: 'applicant', params: [{ name: 'coursePeriod', label: 'Kurszeitraum', hint: 'z. B. 2017/18', default: '2017/18' }] },
  views: [],
};
