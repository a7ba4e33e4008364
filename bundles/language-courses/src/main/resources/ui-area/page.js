// Spracherwerb (VwV Deutsch) in the web interface: where its application form comes from, and its own pages,
// declared (the shell draws them from /api/language-courses and its OpenAPI document): the courses of a course period,
// the participants and waiting list of a course (enrolling one through the form), the report per course.
const today = new Date();
const year = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1; // a course period starts on 1 August
const CURRENT = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
const SEE = ['municipality', 'provider', 'approver', 'auditor'];
const PERIOD = { name: 'coursePeriod', title: 'Kursperiode', hint: 'z. B. 2017/18', value: CURRENT };

export default {
  intro: 'Sprachkurse für Geflüchtete ohne Anspruch auf einen Integrationskurs; abgerechnet wird nach gehaltenen Unterrichtseinheiten.',
  application: { pricingPath: '/pricing' },
  views: [
    { id: 'kurse', title: 'Kurse', roles: SEE, records: {
      list: '/courses', filter: PERIOD, empty: 'In dieser Kursperiode gibt es keinen bewilligten Kurs.', csv: 'kurse-{coursePeriod}.csv',
      columns: [{ title: 'Kurs', field: 'id', numeric: true }, { title: 'Titel', field: 'title' },
        { title: 'Format', field: 'format', labels: 'CoursePlanned.format' }, { title: 'Zielniveau', field: 'targetLevel', labels: 'CoursePlanned.targetLevel' },
        { title: 'Kreis', field: 'responsibleKey' }, { title: 'Erster Kurstag', field: 'start', date: true }, { title: 'Letzter Kurstag', field: 'end', date: true },
        { title: 'UE geplant', field: 'plannedUnits', numeric: true }, { title: 'UE gehalten', field: 'unitsHeld', numeric: true },
        { title: 'Plätze', field: 'capacity', numeric: true }, { title: 'Aufgenommen', field: 'enrolled', numeric: true },
        { title: 'Warteliste', field: 'waiting', numeric: true }, { title: 'Bescheid', field: 'decisionNumber' }] } },
    { id: 'teilnehmende', title: 'Teilnehmende', roles: SEE, records: {
      list: '/courses/{course}/participants', filter: { name: 'course', title: 'Kurs (Nummer)', hint: 'aus der Liste der Kurse' },
      empty: 'Noch niemand aufgenommen.', csv: 'kurs-{course}-teilnehmende.csv',
      columns: [{ title: 'Nr.', field: 'id', numeric: true }, { title: 'Kennung', field: 'reference' },
        { title: 'Geburtsjahr', field: 'birthYear', numeric: true }, { title: 'Aufenthaltsstatus', field: 'status', labels: 'ParticipantInput.status' },
        { title: 'Stand', field: 'state', labels: 'Participant.state' }, { title: 'Platz auf der Warteliste', field: 'waitingPosition', numeric: true },
        { title: 'Aufgenommen am', field: 'enrolledOn', date: true }],
      create: { path: '/courses/{course}/participants', schema: 'ParticipantInput', title: 'Teilnehmende Person aufnehmen', button: 'Aufnehmen',
        roles: ['municipality', 'provider'], done: 'Teilnehmende Nr. {id} eingetragen.' } } },
    { id: 'bericht', title: 'Bericht je Kurs', roles: ['municipality', 'approver', 'auditor'], records: {
      list: '/reports/courses', filter: PERIOD, empty: 'Für diese Kursperiode liegt nichts vor.', csv: 'kursbericht-{coursePeriod}.csv',
      columns: [{ title: 'Kurs', field: 'courseId', numeric: true }, { title: 'Titel', field: 'title' }, { title: 'Kreis', field: 'responsibleKey' },
        { title: 'Format', field: 'format', labels: 'CoursePlanned.format' }, { title: 'UE gehalten', field: 'unitsHeld', numeric: true },
        { title: 'UE abgerechnet', field: 'unitsCounted', numeric: true }, { title: 'Aufgenommen', field: 'enrolled', numeric: true },
        { title: 'Abgeschlossen', field: 'completed', numeric: true }, { title: 'Abgebrochen', field: 'droppedOut', numeric: true },
        { title: 'Anwesenheitsquote', field: 'attendanceRate' }] } },
  ],
};
