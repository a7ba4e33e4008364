// Bürgerschaftliches Engagement in the web interface: where its application form comes from, and its own pages,
// declared (the shell draws them from /api/civic-engagement and its OpenAPI document): the calls, opened by the office.
export default {
  intro: 'Projekte des bürgerschaftlichen Engagements im Wettbewerb: Aufruf, Bewertung, Rangfolge und Weiterleitung an Initiativen.',
  application: { pricingPath: '/pricing' },
  views: [
    { id: 'aufrufe', title: 'Aufrufe', roles: ['municipality', 'provider', 'approver', 'auditor'], records: {
      list: '/calls', empty: 'Noch kein Aufruf.', csv: 'aufrufe.csv',
      columns: [{ title: 'Aufruf', field: 'id', numeric: true }, { title: 'Titel', field: 'title' }, { title: 'Budget', field: 'budget', money: true },
        { title: 'Frist', field: 'deadline', date: true }, { title: 'Fördergegenstände', field: 'kinds', labels: 'CallInput.kinds' },
        { title: 'Antragsberechtigt', field: 'eligible', labels: 'CallInput.eligible' },
        { title: 'Zuschuss von', field: 'grantMin', money: true }, { title: 'bis', field: 'grantMax', money: true },
        { title: 'Laufzeit ab', field: 'termStart', date: true }, { title: 'bis', field: 'termEnd', date: true }],
      create: { path: '/calls', schema: 'CallInput', title: 'Aufruf eröffnen', button: 'Aufruf eröffnen', roles: ['approver'],
        done: 'Aufruf Nr. {id} „{title}“ eröffnet.' } } },
  ],
};
