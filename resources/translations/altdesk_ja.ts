<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AbsenceCommands</name>
    <message>
        <location filename="../../ui/dialogs/absence_commands.py" line="102"/>
        <source>Record absence of %1</source>
        <translation>%1 の不在を登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_commands.py" line="111"/>
        <source>Edit absence of %1</source>
        <translation>%1 の不在を編集</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_commands.py" line="121"/>
        <source>Delete absence of %1</source>
        <translation>%1 の不在を削除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_commands.py" line="132"/>
        <source>Record school event %1</source>
        <translation>学校行事「%1」を登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_commands.py" line="141"/>
        <source>Edit school event %1</source>
        <translation>学校行事「%1」を編集</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_commands.py" line="150"/>
        <source>Delete school event %1</source>
        <translation>学校行事「%1」を削除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_commands.py" line="162"/>
        <source>Assign substitute: %1</source>
        <translation>代替ALTを割り当て：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_commands.py" line="171"/>
        <source>Remove substitute: %1</source>
        <translation>代替ALTを解除：%1</translation>
    </message>
</context>
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="177"/>
        <source>Edit Absence</source>
        <translation>不在の編集</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="177"/>
        <source>Record Absence</source>
        <translation>不在の登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="178"/>
        <source>&amp;ALT:</source>
        <translation>ALT(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="179"/>
        <source>&amp;First day:</source>
        <translation>開始日(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="180"/>
        <source>&amp;Last day:</source>
        <translation>終了日(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="181"/>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="182"/>
        <source>&amp;Note:</source>
        <translation>備考(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="185"/>
        <source>ALT who is absent</source>
        <translation>不在のALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="186"/>
        <source>First day of the absence</source>
        <translation>不在の開始日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="187"/>
        <source>Last day of the absence</source>
        <translation>不在の終了日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="188"/>
        <source>Kind of absence</source>
        <translation>不在の種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="189"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="190"/>
        <source>e.g. called in at 7:30; doctor&apos;s note to follow</source>
        <translation>例：7時30分に電話連絡、診断書は後日提出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="191"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="192"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="193"/>
        <source>&amp;Find Substitutes…</source>
        <translation>代替ALTを探す(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="194"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="222"/>
        <source>%1 day(s): %2. Visits on these days without a substitute: %3.</source>
        <translation>%1日間：%2。代替ALTが未定の訪問：%3件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="266"/>
        <source>Saved. %1 has %2 visit(s) on these days that need a substitute ALT.</source>
        <translation>保存しました。%1 にはこの期間に代替ALTが必要な訪問が %2 件あります。</translation>
    </message>
</context>
<context>
    <name>Absences</name>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="41"/>
        <source>Paid leave</source>
        <translation>有給休暇</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="42"/>
        <source>Sick</source>
        <translation>病欠</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="43"/>
        <source>Training</source>
        <translation>研修</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="44"/>
        <source>Compensatory day off</source>
        <translation>振替休日</translation>
    </message>
</context>
<context>
    <name>AbsencesPage</name>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="194"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="195"/>
        <source>First day</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="197"/>
        <source>Last day</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="199"/>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="200"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="201"/>
        <source>To cover</source>
        <translation>未手配</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="203"/>
        <source>Visits on these days without a substitute</source>
        <translation>代替ALTが未定の訪問</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="204"/>
        <source>Covered</source>
        <translation>手配済</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="206"/>
        <source>Visits a substitute ALT covers</source>
        <translation>代替ALTが担当する訪問</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="207"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="223"/>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="225"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="228"/>
        <source>Event</source>
        <translation>行事</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="229"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="230"/>
        <source>Compensatory day off</source>
        <translation>振替休日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="232"/>
        <source>To move</source>
        <translation>要調整</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="235"/>
        <source>Visits on the compensatory day still to move or cancel</source>
        <translation>振替休日に残っている、移動または中止が必要な訪問</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="236"/>
        <source>Attending ALTs</source>
        <translation>参加ALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="306"/>
        <source>This compensatory day comes with a school event: change it in the event.</source>
        <translation>この振替休日は学校行事によるものです。行事の画面で変更してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="351"/>
        <source>Deleted the absence of %1. Undo with Ctrl+Z.</source>
        <translation>%1 の不在を削除しました。Ctrl+Zで元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="387"/>
        <source>Deleted %1 at %2 with its visits and compensatory days. Undo with Ctrl+Z.</source>
        <translation>%2 の %1 を、訪問と振替休日とともに削除しました。Ctrl+Zで元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="424"/>
        <source>&amp;Show:</source>
        <translation>表示(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="425"/>
        <source>From today on</source>
        <translation>今日以降</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="425"/>
        <source>This fiscal year</source>
        <translation>今年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="425"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="427"/>
        <source>Which period to list</source>
        <translation>表示する期間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="428"/>
        <source>Search by ALT, school, kind or note…</source>
        <translation>ALT・学校・種類・備考で検索…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="429"/>
        <source>Search absences and events</source>
        <translation>不在と行事を検索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="430"/>
        <location filename="../../ui/pages/absences_page.py" line="432"/>
        <source>Absences</source>
        <translation>不在</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="431"/>
        <location filename="../../ui/pages/absences_page.py" line="433"/>
        <source>School events</source>
        <translation>学校行事</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="434"/>
        <source>&amp;New Absence…</source>
        <translation>不在を登録(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="435"/>
        <location filename="../../ui/pages/absences_page.py" line="439"/>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="436"/>
        <location filename="../../ui/pages/absences_page.py" line="440"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="437"/>
        <source>&amp;Find Substitutes…</source>
        <translation>代替ALTを探す(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="438"/>
        <source>New &amp;School Event…</source>
        <translation>学校行事を登録(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>AltDialog</name>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="161"/>
        <source>ALT</source>
        <translation type="unfinished">ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="163"/>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="164"/>
        <source>&amp;Family name (romaji):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="165"/>
        <source>&amp;Given name (romaji):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="166"/>
        <source>&amp;Reading (katakana):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="167"/>
        <source>&amp;Nationality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="168"/>
        <source>S&amp;tarted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="169"/>
        <source>St&amp;atus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="170"/>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="171"/>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="172"/>
        <source>&amp;Weekly class limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="173"/>
        <source>Levels taught:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="176"/>
        <source>e.g. エミリー・カーター</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="177"/>
        <source>The first day with the company; leave — if unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="178"/>
        <source> classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="179"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="180"/>
        <source>On leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="181"/>
        <source>Left the company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="187"/>
        <source>Teaches %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="188"/>
        <source>Diet profile (sensitive personal data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="189"/>
        <source>Decides whether the ALT can eat school lunch. Shared with schools only with the ALT&apos;s consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="192"/>
        <source>Allergies to the eight labelled allergens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="195"/>
        <source>Allergic to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="196"/>
        <source>&amp;Other allergens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="197"/>
        <source>e.g. kiwi, soy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="198"/>
        <source>Vegetarian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="199"/>
        <source>Vegan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="200"/>
        <source>Halal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="201"/>
        <source>Gluten-free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="202"/>
        <source>Diet &amp;notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="203"/>
        <source>The ALT consents to share diet details with schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="229"/>
        <source>New ALT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="230"/>
        <source>ALT %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BellScheduleEditor</name>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="221"/>
        <source>&amp;Add period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="222"/>
        <source>Re&amp;move period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="223"/>
        <source>Bell schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="224"/>
        <source>Add period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="225"/>
        <source>Remove period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BellScheduleModel</name>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="117"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="117"/>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="117"/>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardDialog</name>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="42"/>
        <source>Kind</source>
        <translation type="unfinished">種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="43"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="45"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="46"/>
        <source>Days</source>
        <translation type="unfinished">日数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="47"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="75"/>
        <source>The branch default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="123"/>
        <source>Board of education (教育委員会)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="125"/>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="126"/>
        <source>&amp;Name (Japanese):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="127"/>
        <source>Name (&amp;English):</source>
        <translation type="unfinished">行事名・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="128"/>
        <source>Contract &amp;days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="129"/>
        <source>Contract &amp;hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="130"/>
        <source>Lunch notice &amp;deadline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="133"/>
        <source>e.g. さくら市教育委員会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="134"/>
        <source> days a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="135"/>
        <source> hours a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="136"/>
        <location filename="../../ui/dialogs/board_dialog.py" line="137"/>
        <source>Breaks and closure days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="138"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="139"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished">編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="140"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="236"/>
        <source>New board of education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="237"/>
        <source>Board of education %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="122"/>
        <source>Classes per week (Monday %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="124"/>
        <source>Month: %1 classes on %2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="163"/>
        <source>No visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="180"/>
        <source>Classes/week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarLayersPage</name>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="75"/>
        <source>Add a holiday…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="75"/>
        <source>Override…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="75"/>
        <source>Remove override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="115"/>
        <source>Choose a board above to see its breaks and closure days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="118"/>
        <source>Breaks and closure days of %1 in fiscal year %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="128"/>
        <source>&amp;Fiscal year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="129"/>
        <source>Fiscal year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="130"/>
        <source>April to March; 2026 means April 2026 to March 2027.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="132"/>
        <source>Visits are only planned on school working days: these layers say which days are not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="133"/>
        <source>Boards, breaks and closures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="133"/>
        <source>School days off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="134"/>
        <source>Branch closures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="134"/>
        <source>National holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="138"/>
        <source>Search boards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="139"/>
        <source>Search by school or name…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="244"/>
        <location filename="../../ui/calendar/calendar_page.py" line="261"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="244"/>
        <location filename="../../ui/calendar/calendar_page.py" line="262"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="244"/>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="249"/>
        <source>Previous (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="250"/>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="252"/>
        <source>Next (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="253"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="254"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="255"/>
        <source>ALT</source>
        <translation type="unfinished">ALT</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="255"/>
        <source>School</source>
        <translation type="unfinished">学校</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="255"/>
        <source>Board of education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="256"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="258"/>
        <source>Search ALT or school…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="259"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="260"/>
        <source>Board: ALTs by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="278"/>
        <source>Lunch: 給 school lunch · 弁 own lunch · 牛 milk only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="278"/>
        <source>Lunch: L school lunch · B own lunch · M milk only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="280"/>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="281"/>
        <source>grey: weekend, holiday or closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="282"/>
        <source>struck out: cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="299"/>
        <location filename="../../ui/calendar/calendar_page.py" line="309"/>
        <source>All</source>
        <translation type="unfinished">すべて</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="393"/>
        <source>%1 ALTs · %2 visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="396"/>
        <source>No ALTs match. Add ALTs and placements, or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="505"/>
        <source>New visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="508"/>
        <source>Edit %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="510"/>
        <source>Cancel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="528"/>
        <location filename="../../ui/calendar/calendar_page.py" line="538"/>
        <source>New visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="528"/>
        <source>Add an ALT and a school first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="571"/>
        <source>Edit visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="581"/>
        <source>Cancel visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="611"/>
        <source>Move visit to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="618"/>
        <source>This change causes conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="619"/>
        <source>This change would cause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="619"/>
        <source>Make the change anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="628"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeModel</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="227"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="227"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="239"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="239"/>
        <source>Kind</source>
        <translation type="unfinished">種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="239"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="240"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="240"/>
        <source>Fields changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="466"/>
        <source>Confirm the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="467"/>
        <source>These records will be created or updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="468"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="469"/>
        <source>Everything is written in one step. If anything goes wrong, nothing is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="470"/>
        <source>Records to create or update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="312"/>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="315"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="317"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="318"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="319"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="322"/>
        <source>What is wrong</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="326"/>
        <location filename="../../ui/pages/conflicts_page.py" line="537"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="326"/>
        <location filename="../../ui/pages/conflicts_page.py" line="538"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="385"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="402"/>
        <source>The check failed: %1</source>
        <translation>確認できませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="468"/>
        <source>Not checked yet.</source>
        <translation>まだ確認していません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="474"/>
        <source>No conflicts from %1.</source>
        <translation>%1 に問題はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="476"/>
        <source>%1 of %2 conflicts shown (errors: %3, warnings: %4), %5.</source>
        <translation>%2 件中 %1 件を表示（エラー %3 件、警告 %4 件）、%5。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="501"/>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="502"/>
        <source>This month and next</source>
        <translation>今月と来月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="502"/>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="502"/>
        <source>Next month</source>
        <translation>来月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="503"/>
        <source>This fiscal year</source>
        <translation>今年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="503"/>
        <source>Custom</source>
        <translation>指定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="505"/>
        <source>&amp;From:</source>
        <translation>開始(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="506"/>
        <source>&amp;To:</source>
        <translation>終了(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="509"/>
        <source>First day to check</source>
        <translation>確認する最初の日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="510"/>
        <source>Last day to check</source>
        <translation>確認する最後の日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="511"/>
        <source>Period to check</source>
        <translation>確認する期間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="512"/>
        <source>Check &amp;again</source>
        <translation>再確認(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="513"/>
        <source>Check the period again (F5)</source>
        <translation>期間をもう一度確認（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="514"/>
        <source>&amp;Severity:</source>
        <translation>重要度(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="515"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="518"/>
        <source>Filter by severity</source>
        <translation>重要度で絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="519"/>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="520"/>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="523"/>
        <source>Filter by kind</source>
        <translation>種類で絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="524"/>
        <source>A&amp;LT:</source>
        <translation>ALT(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="525"/>
        <source>All ALTs</source>
        <translation>すべてのALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="526"/>
        <source>Filter by ALT</source>
        <translation>ALTで絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="527"/>
        <source>Sc&amp;hool:</source>
        <translation>学校(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="528"/>
        <source>All schools</source>
        <translation>すべての学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="529"/>
        <source>Filter by school</source>
        <translation>学校で絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="530"/>
        <source>Search in the messages, codes and names…</source>
        <translation>内容・コード・名前で検索…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="531"/>
        <source>Search conflicts</source>
        <translation>問題を検索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="532"/>
        <source>Show all</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="533"/>
        <source>Clear the filters</source>
        <translation>絞り込みを解除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="534"/>
        <source>Error: must be fixed before the schedule goes out</source>
        <translation>エラー：予定表を送る前に必ず直してください</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="535"/>
        <source>Warning: check it; it may be intended</source>
        <translation>警告：確認してください（意図どおりの場合もあります）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="536"/>
        <source>Double-click a row or press Enter to open that day.</source>
        <translation>行をダブルクリックするかEnterキーで、その日を開きます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="539"/>
        <source>Conflicts</source>
        <translation>問題一覧</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="540"/>
        <source>The selected conflict</source>
        <translation>選択した問題</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="541"/>
        <source>&amp;Open day</source>
        <translation>この日を開く(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="542"/>
        <source>Show this day in the calendar</source>
        <translation>カレンダーでこの日を表示</translation>
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
    <name>DateListEditor</name>
    <message>
        <location filename="../../ui/dialogs/date_list_editor.py" line="57"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/date_list_editor.py" line="58"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayOffDialog</name>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="79"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished">種類(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="80"/>
        <source>&amp;Board of education:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="81"/>
        <source>&amp;School:</source>
        <translation type="unfinished">学校(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="82"/>
        <source>&amp;From:</source>
        <translation type="unfinished">開始(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="83"/>
        <source>&amp;To:</source>
        <translation type="unfinished">終了(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="84"/>
        <source>&amp;Name (Japanese):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="85"/>
        <source>Name (&amp;English):</source>
        <translation type="unfinished">行事名・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="90"/>
        <source>e.g. 夏季休業, 学校閉庁日, 開校記念日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="91"/>
        <source>Type a code or part of the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/day_off_dialog.py" line="136"/>
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="142"/>
        <source>New day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="144"/>
        <source>Day off – %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndPlacementDialog</name>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="372"/>
        <source>End the placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="373"/>
        <source>This placement already has visits, which stay as the record of what happened. End it instead: choose its last day. Its planned visits after that day are removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="381"/>
        <source>Last day</source>
        <translation type="unfinished">終了日</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="383"/>
        <source>End placement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="191"/>
        <source>Edit School Event</source>
        <translation>学校行事の編集</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="191"/>
        <source>Record School Event</source>
        <translation>学校行事の登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="192"/>
        <source>&amp;School:</source>
        <translation>学校(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="192"/>
        <source>&amp;Day:</source>
        <translation>日付(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="192"/>
        <source>Name (&amp;Japanese):</source>
        <translation>行事名・日本語(&amp;J):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="193"/>
        <source>Name (&amp;English):</source>
        <translation>行事名・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="193"/>
        <source>&amp;Time:</source>
        <translation>時間(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="194"/>
        <source>&amp;Compensatory day off:</source>
        <translation>振替休日(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="194"/>
        <source>&amp;Attending ALTs:</source>
        <translation>参加ALT(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="197"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="198"/>
        <source>School holding the event</source>
        <translation>行事を行う学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="199"/>
        <source>Day of the event</source>
        <translation>行事の日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="200"/>
        <source>Event name in Japanese</source>
        <translation>日本語の行事名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="202"/>
        <source>Event name in English</source>
        <translation>英語の行事名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="203"/>
        <source>Sports Day</source>
        <translation>例：Sports Day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="204"/>
        <source>Start time</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="205"/>
        <source>End time</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="206"/>
        <source>Compensatory day off of the attending ALTs</source>
        <translation>参加ALTの振替休日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="207"/>
        <source>Next School &amp;Day</source>
        <translation>次の授業日(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="208"/>
        <source>Use the school&apos;s next school day after the event</source>
        <translation>行事の後の、学校の次の授業日にする</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="209"/>
        <source>Filter by code or name…</source>
        <translation>コードまたは名前で絞り込み…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="210"/>
        <source>Filter the ALTs</source>
        <translation>ALTを絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="211"/>
        <source>Attending ALTs</source>
        <translation>参加ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="212"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="213"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="265"/>
        <source>(placed at this school)</source>
        <translation>（この学校に配置）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="286"/>
        <source>Attending: %1</source>
        <translation>参加：%1 人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="326"/>
        <source>The school&apos;s next school day after the event: %1</source>
        <translation>行事の後の次の授業日：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="71"/>
        <source>Export reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="91"/>
        <source>Only those ticked below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="99"/>
        <source>Filter by code or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="116"/>
        <source>Branch setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="117"/>
        <source>Western year (2026年)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="118"/>
        <source>Japanese era (令和8年)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="119"/>
        <source>One combined file instead of one file each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="124"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="132"/>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="134"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="137"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="145"/>
        <source>Report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="146"/>
        <source>Month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="149"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="150"/>
        <source>Year style:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="153"/>
        <source>Save in folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="185"/>
        <source>Schools:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="186"/>
        <source>All schools with visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="188"/>
        <source>ALTs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="189"/>
        <source>All ALTs with visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="253"/>
        <source>Tick at least one, or choose all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="273"/>
        <source>Save reports in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="292"/>
        <source>The folder cannot be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="295"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="297"/>
        <location filename="../../ui/dialogs/export_dialog.py" line="352"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="297"/>
        <source>Writing the reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="305"/>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="307"/>
        <location filename="../../ui/dialogs/export_dialog.py" line="324"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="307"/>
        <source>Drawing the pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="318"/>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="321"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="212"/>
        <source>Choose the files to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="213"/>
        <source>Excel workbooks (.xlsx) or CSV files with sheets of schools, ALTs, placements, closures or events. You can also drop files here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="215"/>
        <source>&amp;Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="216"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="217"/>
        <source>Save an empty &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="218"/>
        <source>A workbook with the right sheets and headers, and explanations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="219"/>
        <source>The files hold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="220"/>
        <source>Found from sheet names and headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="223"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="253"/>
        <source>Files to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="254"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="263"/>
        <source>Save the import template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="264"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="273"/>
        <source>Writing the template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="278"/>
        <source>Template saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HolidayOverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="58"/>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="59"/>
        <source>National holiday:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="60"/>
        <source>This day is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="61"/>
        <source>&amp;Name (Japanese):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="62"/>
        <source>Name (&amp;English):</source>
        <translation type="unfinished">行事名・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="65"/>
        <source>A &amp;working day: schools are open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="66"/>
        <source>A &amp;holiday: no visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="68"/>
        <source>e.g. 授業日 (why it is worked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="94"/>
        <source>— (an ordinary day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="102"/>
        <source>Holiday override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="103"/>
        <source>Holiday override – %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="145"/>
        <source>ALTdesk stopped because of an internal error ({0}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="645"/>
        <source>Import spreadsheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="246"/>
        <source>Boards of education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="246"/>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="246"/>
        <source>ALTs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="247"/>
        <source>Placements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="247"/>
        <source>Closures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="247"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="256"/>
        <source>%1: %2 created, %3 updated, %4 left alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="258"/>
        <source>%1: %2 to create, %3 to update, %4 left alone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LunchPage</name>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="184"/>
        <location filename="../../ui/pages/lunch_page.py" line="211"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="185"/>
        <location filename="../../ui/pages/lunch_page.py" line="228"/>
        <location filename="../../ui/pages/lunch_page.py" line="244"/>
        <source>School</source>
        <translation type="unfinished">学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="188"/>
        <source>Serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="190"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="192"/>
        <source>ALTs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="194"/>
        <location filename="../../ui/pages/lunch_page.py" line="215"/>
        <source>Meals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="196"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="198"/>
        <location filename="../../ui/pages/lunch_page.py" line="219"/>
        <source>Lunch days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="199"/>
        <source>Last sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="200"/>
        <source>No. %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="201"/>
        <source>Not issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="203"/>
        <source>Not notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="205"/>
        <source>Notice rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="212"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="213"/>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="217"/>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="224"/>
        <location filename="../../ui/pages/lunch_page.py" line="247"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="226"/>
        <location filename="../../ui/pages/lunch_page.py" line="249"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="229"/>
        <source>For lunch on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="230"/>
        <source>Changes to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="236"/>
        <source>Missed: tell the school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="237"/>
        <source>Send the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="237"/>
        <source>Told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="241"/>
        <source>Date</source>
        <translation type="unfinished">日付</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="242"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="243"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="243"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="245"/>
        <source>ALT</source>
        <translation type="unfinished">ALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="246"/>
        <source>Meal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="250"/>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="250"/>
        <source>In time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="326"/>
        <source>%1 meals, %2, at %3 schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="329"/>
        <source>%1 changes not yet notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="331"/>
        <source>%1 past the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="336"/>
        <source>Changes not notified (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="346"/>
        <source>Folder for the order sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="366"/>
        <source>Writing the order sheets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="371"/>
        <source>Writing the order sheets… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="398"/>
        <source>Order sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="403"/>
        <location filename="../../ui/pages/lunch_page.py" line="404"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="405"/>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="406"/>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="407"/>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="408"/>
        <source>Next month</source>
        <translation type="unfinished">来月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="409"/>
        <source>Issue order sheets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="410"/>
        <source>Cancel</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="411"/>
        <source>Write the month&apos;s lunch order sheets (PDF) for the selected schools, or for every school when none is selected, and record them as sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="413"/>
        <source>By school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="413"/>
        <source>By ALT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="413"/>
        <source>Deadlines coming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="414"/>
        <source>Changes not notified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="54"/>
        <source>Which ALT visits which school, on which weekdays, will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>ALTdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>&amp;Export reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>&amp;Undo</source>
        <translation type="unfinished">元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;New visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>&amp;Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>&amp;Generate visits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>April &amp;rollover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>Record &amp;Absence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>Find &amp;Substitutes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Record School &amp;Event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>Check &amp;Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Generate visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>Generate the visits of fiscal year (April–March), keeping visits edited by hand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Generating visits from %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>Generation cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>Visits generated: %1 created, %2 updated, %3 removed, %4 kept as edited by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <location filename="../../ui/main_window.py" line="314"/>
        <location filename="../../ui/main_window.py" line="322"/>
        <source>April rollover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>Copy this year&apos;s placements, breaks and closures into fiscal year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314"/>
        <source>Copying placements and generating visits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="323"/>
        <source>Fiscal year %1: %2 placements copied, %3 breaks and closures copied (check their dates), %4 visits generated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthWeek</name>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="110"/>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="246"/>
        <source>Day</source>
        <translation type="unfinished">日付</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="246"/>
        <source>Time</source>
        <translation type="unfinished">時間</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="246"/>
        <source>Periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="246"/>
        <source>ALT</source>
        <translation type="unfinished">ALT</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="247"/>
        <source>School</source>
        <translation type="unfinished">学校</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="247"/>
        <source>Lunch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="247"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="253"/>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="254"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="255"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="256"/>
        <source>Covered by substitute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeRuleEditor</name>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="79"/>
        <source>School days before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="80"/>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="87"/>
        <source>Day of the previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="80"/>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="126"/>
        <source>Other rule (kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="83"/>
        <source>Lunch notice rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="84"/>
        <source> school days before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="85"/>
        <source>School days before the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="86"/>
        <source>day </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="88"/>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="89"/>
        <source>by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="90"/>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="91"/>
        <source>Deadline time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="32"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="42"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="44"/>
        <source>Fit &amp;width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="45"/>
        <source>Whole &amp;page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="46"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="47"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="48"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="78"/>
        <source>Preview — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/pdf_preview.py" line="83"/>
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="105"/>
        <location filename="../../ui/dialogs/pdf_preview.py" line="109"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="109"/>
        <source>The printer could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="243"/>
        <location filename="../../ui/dialogs/placement_dialog.py" line="398"/>
        <source>Placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="245"/>
        <source>&amp;ALT:</source>
        <translation type="unfinished">ALT(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="246"/>
        <source>&amp;School:</source>
        <translation type="unfinished">学校(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="247"/>
        <source>&amp;From:</source>
        <translation type="unfinished">開始(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="248"/>
        <source>Repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="249"/>
        <source>On:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="250"/>
        <source>&amp;Week:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="251"/>
        <source>Which &amp;one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="252"/>
        <source>&amp;Rule (RRULE):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="253"/>
        <source>&amp;Hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="254"/>
        <source>&amp;Periods:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="255"/>
        <source>&amp;Classes a day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="256"/>
        <source>&amp;Lunch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="257"/>
        <source>&amp;Note:</source>
        <translation type="unfinished">備考(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="258"/>
        <source>Appl&amp;y changes from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="261"/>
        <source>to</source>
        <translation type="unfinished">〜</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="262"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="263"/>
        <source>Ends at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="264"/>
        <source>Starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="265"/>
        <source>Every week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="266"/>
        <source>Alternate weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="267"/>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="268"/>
        <source>Other rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="274"/>
        <source>Visits on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="275"/>
        <source>Week A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="276"/>
        <source>Week B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="277"/>
        <source>Week A holds 1 April, then every second week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="279"/>
        <source>1st</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="279"/>
        <source>2nd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="280"/>
        <source>3rd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="280"/>
        <source>4th</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="281"/>
        <source>5th</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="281"/>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="284"/>
        <source>e.g. 1-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="285"/>
        <source>From the school&apos;s policy and the ALT&apos;s diet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="288"/>
        <source>Visits before this day stay as they are; from this day on they follow the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="290"/>
        <location filename="../../ui/dialogs/placement_dialog.py" line="291"/>
        <source>Next dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="292"/>
        <source>Exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="293"/>
        <source>Added &amp;dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="294"/>
        <source>R&amp;emoved dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="295"/>
        <source>Added dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="296"/>
        <source>Removed dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="385"/>
        <source>No dates: check the weekdays and the date range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/placement_dialog.py" line="388"/>
        <location filename="../../ui/dialogs/placement_dialog.py" line="391"/>
        <source>%n visit(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/placement_dialog.py" line="389"/>
        <source>%n date(s) skipped: struck through, with the reason.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="391"/>
        <source>None skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="398"/>
        <source>New placement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlacementPreviewModel</name>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="43"/>
        <source>Visit (added date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="43"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="45"/>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="66"/>
        <source>Date</source>
        <translation type="unfinished">日付</translation>
    </message>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="66"/>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlacementsPage</name>
    <message>
        <location filename="../../ui/pages/placements_page.py" line="68"/>
        <source>Search by ALT, school, weekday…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/placements_page.py" line="70"/>
        <source>Show ended placements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/placements_page.py" line="71"/>
        <source>Placements whose end date has passed are hidden unless ticked.</source>
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
        <location filename="../../ui/dialogs/import_wizard.py" line="344"/>
        <source>Check the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="345"/>
        <source>Cells with a problem are marked; point at one to read what is wrong. Fix them in the file, save it, and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="347"/>
        <source>Check &amp;again</source>
        <translation type="unfinished">再確認(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="348"/>
        <source>Sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="349"/>
        <source>Problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="350"/>
        <source>Rows as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="351"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="365"/>
        <source>Reading and checking the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="394"/>
        <source>Read as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="396"/>
        <source>%1 problem(s) must be fixed in the file before anything can be imported. Nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="400"/>
        <source>Everything in the files is already in ALTdesk: nothing would change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="401"/>
        <source>Ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="403"/>
        <source>%1 warning(s): read them below; they do not stop the import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="170"/>
        <source>Error</source>
        <translation type="unfinished">エラー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="170"/>
        <source>Warning</source>
        <translation type="unfinished">警告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="195"/>
        <source>Kind</source>
        <translation type="unfinished">種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="195"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="195"/>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="195"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="196"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="196"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="196"/>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="516"/>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="517"/>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="518"/>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="525"/>
        <source>Writing to the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="533"/>
        <source>Cancelling… nothing will be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="551"/>
        <source>Imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordEditing</name>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="89"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="101"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="119"/>
        <location filename="../../ui/controllers/record_editing.py" line="153"/>
        <source>Not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="142"/>
        <source>Delete the ALT %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="149"/>
        <source>%1 has placements or visits, so deleting would lose the history. Mark the ALT as having left instead? No new visits are planned for an ALT who has left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="155"/>
        <source>Keep the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="155"/>
        <source>Mark as left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="187"/>
        <source>Delete the school %1? Its bell schedule and its own days off go with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="210"/>
        <source>Delete the board of education %1? Its breaks and closure days go with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="244"/>
        <source>Delete the day off %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="273"/>
        <source>Remove the override of %1? The national holiday calendar applies again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="297"/>
        <source>Placement saved: %1 visits added, %2 changed, %3 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="321"/>
        <source>Delete the placement %1? Its planned visits are removed; visits made by hand stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="54"/>
        <source>Visit schedules for schools (訪問予定表), monthly calendars for ALTs, the branch board, lunch order sheets and fees, as PDF or Excel. Double-click a report to make it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="56"/>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="56"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="56"/>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="57"/>
        <source>each school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="57"/>
        <source>each ALT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="57"/>
        <source>the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="68"/>
        <source>Export reports…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../ui/pages/roster_page.py" line="31"/>
        <source>Search by code, name, board…</source>
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
    <name>SchoolDialog</name>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="90"/>
        <source>The board&apos;s rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="125"/>
        <source>School</source>
        <translation type="unfinished">学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="127"/>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="128"/>
        <source>&amp;Name (Japanese):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="129"/>
        <source>Name (&amp;English):</source>
        <translation type="unfinished">行事名・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="130"/>
        <source>&amp;Short name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="131"/>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="132"/>
        <source>&amp;Board of education:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="133"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="134"/>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="135"/>
        <source>Contact &amp;teacher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="136"/>
        <source>Con&amp;tracted days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="137"/>
        <source>Lunch &amp;policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="138"/>
        <source>P&amp;rice per meal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="139"/>
        <source>Notice &amp;deadline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="142"/>
        <source>e.g. さくら市立桜台小学校</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="143"/>
        <source>e.g. 桜台小 (for the board view)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="144"/>
        <source> days a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="145"/>
        <source>Visit days a year in the contract; — if it sets none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="146"/>
        <source> yen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="149"/>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="152"/>
        <source>Lunch (給食)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="153"/>
        <source>Bell schedule (校時)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="154"/>
        <source>Periods in order; double-click or type to change a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="192"/>
        <source>New school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="193"/>
        <source>School %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetPreviewModel</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="118"/>
        <source>Not used by ALTdesk: this column is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="119"/>
        <source>Read as: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubstituteFinder</name>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="125"/>
        <location filename="../../ui/dialogs/substitute_finder.py" line="135"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="126"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="127"/>
        <location filename="../../ui/dialogs/substitute_finder.py" line="136"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="137"/>
        <source>Substitute</source>
        <translation>代替ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="146"/>
        <source>#</source>
        <translation>順位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="147"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="148"/>
        <source>Score</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="150"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="259"/>
        <source>%1 · %2 · %3 · to cover: %4</source>
        <translation>%1・%2・%3・未手配 %4 件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="273"/>
        <source>None: choose an ALT and dates below</source>
        <translation>なし：下でALTと期間を選ぶ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="368"/>
        <source>Select a visit to see who could cover it.</source>
        <translation>訪問を選ぶと、代わりに行けるALTが表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="374"/>
        <source>%1, %2 at %3 (%4 classes)</source>
        <translation>%1 %2 %3（%4 コマ）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="386"/>
        <source>Nobody is free at that time. Consider moving or cancelling the visit.</source>
        <translation>その時間に空いているALTはいません。訪問の移動か中止を検討してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="398"/>
        <source>To cover: %1 · covered: %2</source>
        <translation>未手配：%1 件・手配済：%2 件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="441"/>
        <source>%1 covers %2 on %3. Undo with Ctrl+Z.</source>
        <translation>%3 の %2 は %1 が代替します。Ctrl+Zで元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="457"/>
        <source>%1 on %2 needs a substitute again.</source>
        <translation>%2 の %1 は再び代替ALTが必要です。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="468"/>
        <source>Find Substitute ALTs</source>
        <translation>代替ALTの手配</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="469"/>
        <source>A&amp;bsence:</source>
        <translation>不在(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="470"/>
        <source>Absence to cover</source>
        <translation>手配する不在</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="471"/>
        <source>A&amp;LT:</source>
        <translation>ALT(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="472"/>
        <source>ALT whose visits need covering</source>
        <translation>訪問の代替が必要なALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="473"/>
        <source>Code or name</source>
        <translation>コードまたは名前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="474"/>
        <source>&amp;From:</source>
        <translation>開始(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="475"/>
        <source>&amp;To:</source>
        <translation>終了(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="476"/>
        <source>First day</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="477"/>
        <source>Last day</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="478"/>
        <location filename="../../ui/dialogs/substitute_finder.py" line="479"/>
        <source>Visits to cover</source>
        <translation>代替が必要な訪問</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="480"/>
        <source>Already covered</source>
        <translation>手配済み</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="481"/>
        <source>Visits already covered</source>
        <translation>手配済みの訪問</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="482"/>
        <source>&amp;Remove Substitute</source>
        <translation>代替を解除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="483"/>
        <source>Who could cover the selected visit (best first)</source>
        <translation>選択した訪問の代替候補（おすすめ順）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="484"/>
        <source>Candidates</source>
        <translation>候補</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="485"/>
        <source>&amp;Assign Substitute</source>
        <translation>代替ALTに決定(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="486"/>
        <source>Assign the selected ALT (Enter or double-click)</source>
        <translation>選択したALTに決定（Enterまたはダブルクリック）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="487"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="488"/>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>直前の変更を元に戻す（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="489"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="585"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="586"/>
        <source>What changed in ALTdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="587"/>
        <source>Records created or updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="596"/>
        <source>Visits of new and changed placements: %1 generated, %2 updated, %3 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="600"/>
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
        <translation type="unfinished">ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="118"/>
        <source>School</source>
        <translation type="unfinished">学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="118"/>
        <source>Date</source>
        <translation type="unfinished">日付</translation>
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
        <translation type="unfinished">備考</translation>
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
    <name>Worker</name>
    <message>
        <location filename="../../ui/worker.py" line="99"/>
        <source>Cancel</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
</context>
</TS>
