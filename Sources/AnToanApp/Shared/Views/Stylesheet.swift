/// The whole hand-written stylesheet: readable at 360 px, fine on a desktop, clean on paper.
enum Stylesheet {
    static let css = """
        :root { --ink: #1b1f24; --muted: #4a5560; --line: #c9d1d9; --bg: #f6f8fa; --brand: #0b5394;
          --ok: #1e6b34; --bad: #a4161a; --focus: #f1c40f; font-size: 16px; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
          color: var(--ink); background: var(--bg); line-height: 1.5; }
        a { color: var(--brand); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px; z-index: 10; }
        .topbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 8px 12px;
          background: var(--brand); color: #fff; }
        .topbar a, .topbar .link { color: #fff; }
        .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; }
        .topbar nav ul { display: flex; flex-wrap: wrap; gap: 4px 12px; list-style: none; margin: 0; padding: 0; }
        .topbar nav a { text-decoration: none; padding: 6px 2px; display: inline-block; }
        .topbar nav a[aria-current=page] { border-bottom: 3px solid #fff; }
        .account { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-left: auto; }
        .menu > summary { list-style: none; cursor: pointer; display: inline-flex; align-items: center;
          min-height: 44px; padding: 6px 12px; border: 1px solid #fff; border-radius: 6px; }
        .menu > summary::-webkit-details-marker { display: none; }
        .menu > summary::before { content: "\\2630\\00a0"; }
        .menu[open] > summary { background: #fff; color: var(--brand); }
        @media (min-width: 900px) { .menu[open] > summary { display: none; } }
        @media (max-width: 899px) {
          .topbar { position: relative; }
          .menu[open] nav { position: absolute; left: 0; right: 0; top: 100%; z-index: 5; padding: 8px 12px 12px;
            background: var(--brand); box-shadow: 0 6px 12px rgba(0, 0, 0, .25); }
          .menu nav ul { flex-direction: column; }
          .menu nav a { display: block; padding: 10px 4px; }
        }
        /* break-word, not anywhere: it breaks a long word that would overflow without letting a table's columns
           shrink to one letter. A fieldset is as wide as its widest table unless told otherwise. */
        .card, dd, li, p, h1, h2 { overflow-wrap: break-word; }
        fieldset { min-width: 0; }
        td input[type=number] { width: 4.5em; }
        button { max-width: 100%; white-space: normal; }
        .tel { font-weight: 600; white-space: nowrap; }
        .copy-field { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
        .copy-field input { flex: 1 1 12rem; font-family: ui-monospace, monospace; }
        .who { font-weight: 600; }
        /* The inbox link and its count of unread notifications (app.js updates it on a live page). */
        .inbox { display: inline-flex; align-items: center; gap: 6px; min-height: 44px; text-decoration: none; }
        .unread { min-width: 1.6em; padding: 0 6px; border-radius: 999px; background: #fff; color: var(--brand);
          font-weight: 700; text-align: center; }
        .unread.none { background: transparent; color: #fff; border: 1px solid #fff; font-weight: 400; }
        .notice p { margin: 0 0 4px; }
        .notice .muted { margin-right: 8px; }
        .unread-notice { border-left: 4px solid var(--brand); padding-left: 10px !important; background: #fff; }
        .tag { display: inline-block; margin-right: 6px; padding: 0 6px; border-radius: 4px; background: var(--brand);
          color: #fff; font-size: .85rem; font-weight: 700; }
        .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
        .live-banner { position: sticky; top: 0; z-index: 6; display: flex; flex-wrap: wrap; align-items: center;
          gap: 8px 12px; margin: 0 0 12px; padding: 8px 12px; border: 1px solid #7a9cc6; border-radius: 6px;
          background: #e8f0fb; color: #1d3f73; font-weight: 600; }
        main { max-width: 960px; margin: 0 auto; padding: 16px 12px 48px; }
        h1 { font-size: 1.5rem; margin: 8px 0 16px; }
        h2 { font-size: 1.2rem; margin: 24px 0 8px; }
        footer { text-align: center; color: var(--muted); font-size: .85rem; padding: 16px; }
        form.inline { display: inline; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px;
          margin-bottom: 16px; }
        .field { margin-bottom: 14px; }
        .field label { display: block; font-weight: 600; margin-bottom: 4px; }
        input, select, textarea { width: 100%; max-width: 32rem; font: inherit; padding: 10px;
          border: 1px solid #6b7785; border-radius: 6px; background: #fff; color: var(--ink); }
        .has-error input, .has-error select { border: 2px solid var(--bad); }
        .field-error { color: var(--bad); margin: 4px 0 0; font-weight: 600; }
        .error-summary { background: #fbe7e7; border: 2px solid var(--bad); border-radius: 6px; padding: 10px 12px; }
        .error-summary-title { margin: 0 0 6px; font-weight: 700; color: var(--bad); }
        .error-summary ul { margin: 0; padding-left: 20px; }
        .error-summary a { color: var(--bad); overflow-wrap: anywhere; }
        button, .button { font: inherit; padding: 10px 18px; border-radius: 6px; border: 0; cursor: pointer;
          background: var(--brand); color: #fff; min-height: 44px; text-decoration: none; display: inline-block; }
        button.secondary { background: #fff; color: var(--brand); border: 1px solid var(--brand); }
        button.danger { background: var(--bad); }
        button.link { background: none; padding: 4px; min-height: 0; text-decoration: underline; }
        .flash { padding: 10px 12px; border-radius: 6px; font-weight: 600; }
        .flash-success { background: #e3f4e8; color: var(--ok); border: 1px solid var(--ok); }
        .flash-error { background: #fbe7e7; color: var(--bad); border: 1px solid var(--bad); }
        .flash-info { background: #e8f0fb; color: #1d3f73; border: 1px solid #7a9cc6; font-weight: 400; }
        .secret { font-family: ui-monospace, monospace; word-break: break-all; background: #fff8d6;
          padding: 8px; border: 1px dashed #b58900; }
        /* A tip's follow-up code: large, in groups that wrap whole on a phone, to be copied onto paper. */
        .tip-code { font-family: ui-monospace, monospace; font-size: 1.35rem; font-weight: 700; letter-spacing: 1px;
          word-spacing: 4px; background: #fff8d6; padding: 12px; border: 2px dashed #b58900; text-align: center;
          overflow-wrap: anywhere; }
        .tip-messages { padding-left: 20px; }
        .tip-messages li { margin-bottom: 8px; }
        .tip-question { color: #1d3f73; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef2f6; }
        .muted { color: var(--muted); }
        dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 4px 16px; margin: 0; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        @media (max-width: 600px) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 6px; } }
        .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; }
        .filters .field { margin: 0; }
        .pager { display: flex; gap: 16px; margin-top: 12px; }
        .side-by-side { display: flex; flex-wrap: wrap; gap: 0 24px; }
        .side-by-side > * { flex: 1 1 18rem; min-width: 0; }
        @media (max-width: 600px) {
          .account { margin-left: 0; width: 100%; }
          td, th { padding: 6px 4px; font-size: .9rem; }
          table.stack thead { display: none; }
          table.stack tr { display: block; border-bottom: 1px solid var(--line); padding: 6px 0; }
          table.stack td { display: block; border: 0; padding: 2px 8px; }
          table.stack td:first-child { font-weight: 600; }
          /* The headers are hidden on a phone: each cell after the first says what it is. */
          table.stack td[data-label]:not(:first-child)::before { content: attr(data-label) ": "; color: var(--muted); }
        }
        /* Each person of a roster cell is a chip of their own: two names never read as one. */
        #roster-grid .chip { display: block; padding: 1px 6px; margin-bottom: 4px; border: 1px solid var(--line);
          border-radius: 4px; background: #eef2f6; }
        #roster-grid .chip:last-child { margin-bottom: 0; }
        #roster-grid .chip.field-error { background: #fbe7e7; border-color: var(--bad); }
        .status-on_time { color: var(--ok); font-weight: 600; }
        .status-late, .status-missing, .status-absent { color: var(--bad); font-weight: 600; }
        .struck { text-decoration: line-through; color: var(--muted); }
        .entries { list-style: none; padding: 0; margin: 0; }
        .entries li { border-bottom: 1px solid var(--line); padding: 8px 0; }
        .wide { width: 100%; max-width: 32rem; }
        .print-only { display: none; }
        .center { text-align: center; }
        input.count { width: 4rem; padding: 6px; margin: 2px; }
        .plain-list { list-style: none; padding: 0; }
        input.check { width: auto; min-height: 0; }
        .scope-choice fieldset { border: 1px solid #c9d2dc; border-radius: 6px; margin: 8px 0 14px; padding: 8px; }
        .scope-choice legend { font-weight: 600; padding: 0 4px; }
        .choice { display: flex; align-items: center; gap: 10px; padding: 6px 0; }
        .choice input { width: 24px; height: 24px; min-height: 0; margin: 0; flex: none; }
        .choice label { font-weight: 400; margin: 0; overflow-wrap: anywhere; }
        /* Incidents: the gravest and those nobody has acknowledged stand out; photos fit a phone; the biên bản
           reads as an administrative document on screen and on paper. */
        .severity { font-weight: 600; }
        .severity-critical, .severity-high { color: var(--bad); }
        .unacknowledged, tr.unacknowledged td:first-child { color: var(--bad); font-weight: 700; }
        tr.unacknowledged { background: #fbe7e7; }
        tr.closed { color: var(--muted); }
        .card.attention { border: 2px solid var(--bad); }
        .timeline { padding-left: 20px; }
        .timeline li { margin-bottom: 8px; }
        .timeline-skipped { color: var(--muted); font-style: italic; }
        .timeline-escalated { color: var(--bad); }
        .photos { display: flex; flex-wrap: wrap; gap: 8px; }
        .photos img { max-width: 100%; width: 16rem; height: auto; border: 1px solid var(--line); border-radius: 6px; }
        .closing { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0 14px; padding: 8px; }
        .minutes { background: #fff; padding: 24px 16px; font-family: "Times New Roman", Times, serif; }
        .minutes .heading { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px;
          text-align: center; }
        .minutes .heading p { margin: 0; }
        .minutes .bold { font-weight: 700; }
        .minutes .motto { text-decoration: underline; font-weight: 700; }
        .minutes .date { text-align: right; font-style: italic; }
        .minutes h1, .minutes .subject { text-align: center; }
        .minutes .signatures { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 16px;
          text-align: center; margin-top: 24px; }
        .minutes .signatures > div { flex: 1 1 9rem; min-height: 9rem; }
        .scan-result { border-radius: 8px; padding: 16px; margin-bottom: 12px; font-size: 1.1rem; }
        .scan-result h1 { margin-top: 0; font-size: 1.5rem; }
        .scan-accepted { background: #e3f4e8; border: 2px solid var(--ok); }
        .scan-refused { background: #fbe7e7; border: 2px solid var(--bad); }
        .scan-kept { background: #fff8d6; border: 2px solid #b08900; }
        .scan-reason { font-weight: 700; color: var(--bad); }
        .scan-flag { font-weight: 600; color: #7a5200; }
        .scan-next { font-size: 1.2rem; font-weight: 700; }
        .round-progress { padding-left: 24px; }
        .round-progress li { padding: 4px 0; }
        .cp-missing, .cp-late, tr.round-incomplete td { color: var(--bad); font-weight: 600; }
        .cp-on_time .who::before { content: "✓ "; color: var(--ok); }
        .status-ok { color: var(--ok); }
        .label-sheet { display: grid; grid-template-columns: repeat(auto-fill, minmax(60mm, 1fr)); gap: 6mm; }
        .label { border: 1px dashed #777; padding: 4mm; text-align: center; break-inside: avoid; background: #fff; }
        .label p { margin: 1mm 0; }
        .label-unit { font-weight: 700; font-size: 0.8rem; }
        .label-route, .label-hint { font-size: 0.75rem; }
        .label-qr { width: 100%; max-width: 45mm; height: auto; image-rendering: pixelated; }
        .label-name { font-weight: 700; font-size: 1.1rem; }
        /* Gate: a held visitor stands out; an overstay is flagged. */
        .hold, .overstay, tr.overstay td:last-child { color: var(--bad); font-weight: 700; }
        tr.held { background: #fbe7e7; }
        .watch-reason { font-weight: 600; }
        dl.facts { display: grid; grid-template-columns: minmax(7rem, auto) 1fr; gap: 4px 12px; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        @media print {
          @page { size: A4 portrait; margin: 10mm; }
          .label-sheet { grid-template-columns: repeat(3, 1fr); gap: 4mm; }
          .no-print { display: none !important; }
          .minutes { padding: 0; font-size: 13pt; }
          .print-only { display: block; }
          .topbar, .skip, footer, form, .pager { display: none !important; }
          body { background: #fff; }
          main { max-width: none; padding: 0; }
          .card { border: 0; padding: 0; }
          a { color: inherit; text-decoration: none; }
          td, th, p, li { overflow-wrap: anywhere; }
        }
        """

    /// The roster on paper (RosterPrintPage): A4 landscape, Times, the heading of an administrative document.
    static let print = """
        @page { size: A4 landscape; margin: 12mm 15mm; }
        body { font-family: "Times New Roman", Times, serif; font-size: 12pt; color: #000; margin: 0; }
        .heading { display: flex; justify-content: space-between; text-align: center; }
        .heading p { margin: 0; }
        .motto { text-decoration: underline; font-weight: bold; }
        .date { text-align: right; font-style: italic; margin: 6px 0 12px; }
        h1 { text-align: center; font-size: 14pt; margin: 8px 0 2px; }
        .period { text-align: center; margin: 0 0 10px; }
        .center { text-align: center; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; font-size: 11pt; }
        tr { page-break-inside: avoid; }
        .open { font-style: italic; }
        .bold { font-weight: bold; }
        .draft { text-align: center; font-weight: bold; letter-spacing: 2px; }
        .signatures { display: flex; justify-content: space-between; text-align: center; margin-top: 16px; }
        .signatures p { margin: 0 40px 64px; font-weight: bold; }
        .wall th, .wall td { font-size: 9pt; padding: 2px; text-align: center; }
        .wall td.name { text-align: left; white-space: nowrap; }
        .wall .weekday { font-weight: normal; }
        .legend ul { margin: 2px 0; }
        .by-day { page-break-before: always; }
        h2 { font-size: 13pt; text-align: center; }
        .no-print { margin-bottom: 12px; }
        @media print { .no-print { display: none !important; } }
        @media screen and (max-width: 600px) {
          body { margin: 8px; font-size: 11pt; } .heading { flex-wrap: wrap; }
          table { display: block; overflow-x: auto; }
        }
        """
}
