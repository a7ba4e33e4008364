// Junge Geflüchtete in Schule und Beruf in the web interface: how the application form is priced.
export default {
  intro: 'Schulsozialarbeit, AVdual-Begleitung und Jugendberufshelfer für junge Geflüchtete; jedes Programm mit eigener Bewilligungsstelle.',
  application: { pricingPath: '/pricing', applicantParam: 'applicant', params: [{ name: 'schoolYear', label: 'Schuljahr', hint: 'z. B. 2018/19', default: '2018/19' }] },
  views: [],
};
