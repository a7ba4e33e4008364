// Junge Geflüchtete in Schule und Beruf in the web interface: where its application form comes from, and its own
// pages, declared (the shell draws them from /api/youth-career and its OpenAPI document): the schools, the funded
// positions of a school year, the report of a school year with its CSV.
const today = new Date();
const year = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1; // a school year starts on 1 August
const CURRENT = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
const SEE = ['municipality', 'approver', 'auditor'];

export default {
  intro: 'Schulsozialarbeit, AVdual-Begleitung und Jugendberufshelfer für junge Geflüchtete; jedes Programm mit eigener Bewilligungsstelle.',
  application: { pricingPath: '/pricing' },
  views: [
    { id: 'schulen', title: 'Schulen', roles: SEE, records: {
      list: '/schools', empty: 'Noch keine Schule erfasst.', csv: 'schulen.csv',
      columns: [{ title: 'Schulnummer', field: 'schoolNumber' }, { title: 'Name', field: 'name' },
        { title: 'Schulart', field: 'schoolType', labels: 'School.schoolType' }, { title: 'Kommune', field: 'municipalityKey' },
        { title: 'Geflüchtete Schülerinnen und Schüler', field: 'refugeePupils', numeric: true }],
      create: { path: '/schools', schema: 'School', title: 'Schule erfassen', button: 'Schule speichern', roles: ['municipality', 'approver'],
        fill: { municipalityKey: 'municipality' }, done: 'Schule {name} ({schoolNumber}) erfasst.' } } },
    { id: 'stellen', title: 'Geförderte Stellen', roles: SEE, records: {
      list: '/positions', empty: 'Keine geförderte Stelle in diesem Schuljahr.', csv: 'stellen-{schoolYear}.csv',
      filter: { name: 'schoolYear', title: 'Schuljahr', hint: 'z. B. 2018/19; leer: alle', value: CURRENT },
      columns: [{ title: 'Stelle', field: 'id', numeric: true }, { title: 'Teilprogramm', field: 'programme', labels: 'Payload.programme' },
        { title: 'Schuljahr', field: 'schoolYear' }, { title: 'Träger', field: 'responsibleKey' }, { title: 'Stellenanteil', field: 'fte', numeric: true },
        { title: 'Monate', field: 'months', numeric: true }, { title: 'Gefördert', field: 'funded', money: true },
        { title: 'Bescheid', field: 'decisionNumber' }, { title: 'Schulen', field: 'schools' }] } },
    { id: 'bericht', title: 'Bericht je Schuljahr', roles: SEE, records: {
      list: '/reports', empty: 'Für dieses Schuljahr liegt nichts vor.', csv: 'bericht-{schoolYear}.csv',
      filter: { name: 'schoolYear', title: 'Schuljahr', hint: 'z. B. 2018/19', value: CURRENT },
      columns: [{ title: 'Träger', field: 'responsibleKey' }, { title: 'Teilprogramm', field: 'programme', labels: 'Payload.programme' },
        { title: 'Stellen', field: 'positions', numeric: true }, { title: 'Stellenanteile', field: 'fte', numeric: true },
        { title: 'Gefördert', field: 'funded', money: true }, { title: 'Erreichte Schülerinnen und Schüler', field: 'pupilsReached', numeric: true },
        { title: 'Beratene', field: 'pupilsAdvised', numeric: true }, { title: 'Ausbildungsverträge', field: 'trainingContracts', numeric: true }] } },
  ],
};
