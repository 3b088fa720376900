<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="166"/>
        <source>Edit Absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="166"/>
        <source>Record Absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="167"/>
        <source>&amp;ALT:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="168"/>
        <source>&amp;First day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="169"/>
        <source>&amp;Last day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="170"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="171"/>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="174"/>
        <source>ALT who is absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="175"/>
        <source>First day of the absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="176"/>
        <source>Last day of the absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="177"/>
        <source>Kind of absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="178"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="179"/>
        <source>e.g. called in at 7:30; doctor&apos;s note to follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="180"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="181"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="182"/>
        <source>&amp;Find Substitutes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="183"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="211"/>
        <source>%1 day(s): %2. Visits on these days without a substitute: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="248"/>
        <source>Saved. %1 has %2 visit(s) on these days that need a substitute ALT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Absences</name>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="39"/>
        <source>Paid leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="40"/>
        <source>Sick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="41"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="42"/>
        <source>Compensatory day off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeModel</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="342"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="342"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="354"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="354"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="354"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="355"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="355"/>
        <source>Fields changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="695"/>
        <source>Confirm the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="696"/>
        <source>These records will be created or updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="697"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="698"/>
        <source>Everything is written in one step. If anything goes wrong, nothing is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="699"/>
        <source>Records to create or update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="314"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="317"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="319"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="320"/>
        <source>ALT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="321"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="324"/>
        <source>What is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="328"/>
        <location filename="../../ui/pages/conflicts_page.py" line="539"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="328"/>
        <location filename="../../ui/pages/conflicts_page.py" line="540"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="387"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="404"/>
        <source>The check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="470"/>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="476"/>
        <source>No conflicts from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="478"/>
        <source>%1 of %2 conflicts shown (errors: %3, warnings: %4), %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="503"/>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="504"/>
        <source>This month and next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="504"/>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="504"/>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="505"/>
        <source>This fiscal year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="505"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="507"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="508"/>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="511"/>
        <source>First day to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="512"/>
        <source>Last day to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="513"/>
        <source>Period to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="514"/>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="515"/>
        <source>Check the period again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="516"/>
        <source>&amp;Severity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="517"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="520"/>
        <source>Filter by severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="521"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="522"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="525"/>
        <source>Filter by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="526"/>
        <source>A&amp;LT:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="527"/>
        <source>All ALTs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="528"/>
        <source>Filter by ALT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="529"/>
        <source>Sc&amp;hool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="530"/>
        <source>All schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="531"/>
        <source>Filter by school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="532"/>
        <source>Search in the messages, codes and names…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="533"/>
        <source>Search conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="534"/>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="535"/>
        <source>Clear the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="536"/>
        <source>Error: must be fixed before the schedule goes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="537"/>
        <source>Warning: check it; it may be intended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="538"/>
        <source>Double-click a row or press Enter to open that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="541"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="542"/>
        <source>The selected conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="543"/>
        <source>&amp;Open day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="544"/>
        <source>Show this day in the calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoordinatorDialog</name>
    <message>
        <location filename="../../ui/dialogs/coordinator.py" line="29"/>
        <source>Who is working?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/coordinator.py" line="34"/>
        <source>Ask every time ALTdesk starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/coordinator.py" line="37"/>
        <source>Every change and export is recorded in the audit log with this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/coordinator.py" line="42"/>
        <source>Coordinator:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="441"/>
        <source>Choose the files to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="442"/>
        <source>Excel workbooks (.xlsx) or CSV files with sheets of schools, ALTs, placements, closures or events. You can also drop files here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="444"/>
        <source>&amp;Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="445"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="446"/>
        <source>Save an empty &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="447"/>
        <source>A workbook with the right sheets and headers, and explanations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="448"/>
        <source>The files hold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="449"/>
        <source>Found from sheet names and headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="452"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="482"/>
        <source>Files to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="483"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="492"/>
        <source>Save the import template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="493"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="502"/>
        <source>Writing the template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="507"/>
        <source>Template saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="856"/>
        <source>Import spreadsheets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="35"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="36"/>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="37"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="573"/>
        <source>Check the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="574"/>
        <source>Cells with a problem are marked; point at one to read what is wrong. Fix them in the file, save it, and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="576"/>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="577"/>
        <source>Sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="578"/>
        <source>Problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="579"/>
        <source>Rows as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="580"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="594"/>
        <source>Reading and checking the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="623"/>
        <source>Read as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="625"/>
        <source>%1 problem(s) must be fixed in the file before anything can be imported. Nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="629"/>
        <source>Everything in the files is already in ALTdesk: nothing would change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="630"/>
        <source>Ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="632"/>
        <source>%1 warning(s): read them below; they do not stop the import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="285"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="285"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="310"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="310"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="310"/>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="310"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="311"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="311"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="311"/>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="745"/>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="746"/>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="747"/>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="754"/>
        <source>Writing to the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="762"/>
        <source>Cancelling… nothing will be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="780"/>
        <source>Imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../ui/pages/roster_page.py" line="61"/>
        <source>Search by code, name, board…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_page.py" line="62"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_page.py" line="63"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_page.py" line="75"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="52"/>
        <source>&amp;Back Up Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="53"/>
        <source>Back Up &amp;To…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="54"/>
        <source>&amp;Restore From Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="55"/>
        <source>&amp;Verify Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="63"/>
        <source>ALTdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="72"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="76"/>
        <source>Back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="72"/>
        <source>Backing up the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="77"/>
        <source>The backup was written to:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="82"/>
        <source>Back up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="92"/>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="93"/>
        <source>ALTdesk backups (*.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="99"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="114"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="117"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="123"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="99"/>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="105"/>
        <source>unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="107"/>
        <source>Replace the database with the backup from %1 (%2 ALTs, %3 schools, %4 visits)?

A copy of the database as it is now is kept in the backups folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="117"/>
        <source>Restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="124"/>
        <source>The backup was restored. The previous database is kept as:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="130"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="150"/>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="130"/>
        <source>Checking the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="135"/>
        <source>The database is damaged: %1

It has not been changed. Close ALTdesk and start it again to restore the newest good backup, or use Restore From Backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="138"/>
        <source>The database passed the integrity check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="139"/>
        <source>Schema: %1 (this ALTdesk: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="142"/>
        <source>Backups: %1, the newest from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="145"/>
        <source>There are no backups yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="814"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="815"/>
        <source>What changed in ALTdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="816"/>
        <source>Records created or updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="824"/>
        <source>%1 warning(s) were shown before the import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="117"/>
        <source>Edit visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="117"/>
        <source>New visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="118"/>
        <source>ALT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="118"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="118"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="119"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="119"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="119"/>
        <source>Periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="120"/>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="120"/>
        <source>Lunch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="120"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="121"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="124"/>
        <source>Derive from school and diet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="125"/>
        <source>e.g. 1-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="126"/>
        <source>What this would break:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="127"/>
        <source>Conflicts this change would cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="187"/>
        <source>No conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/worker.py" line="93"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
