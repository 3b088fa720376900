<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
    <context>
        <name>AbsenceCommands</name>
        <message>
            <source>Record absence of %1</source>
            <translation>%1 の不在を登録</translation>
        </message>
        <message>
            <source>Edit absence of %1</source>
            <translation>%1 の不在を編集</translation>
        </message>
        <message>
            <source>Delete absence of %1</source>
            <translation>%1 の不在を削除</translation>
        </message>
        <message>
            <source>Record school event %1</source>
            <translation>学校行事「%1」を登録</translation>
        </message>
        <message>
            <source>Edit school event %1</source>
            <translation>学校行事「%1」を編集</translation>
        </message>
        <message>
            <source>Delete school event %1</source>
            <translation>学校行事「%1」を削除</translation>
        </message>
        <message>
            <source>Assign substitute: %1</source>
            <translation>代替ALTを割り当て：%1</translation>
        </message>
        <message>
            <source>Remove substitute: %1</source>
            <translation>代替ALTを解除：%1</translation>
        </message>
    </context>
    <context>
        <name>AbsenceDialog</name>
        <message>
            <source>Edit Absence</source>
            <translation>不在の編集</translation>
        </message>
        <message>
            <source>Record Absence</source>
            <translation>不在の登録</translation>
        </message>
        <message>
            <source>&amp;ALT:</source>
            <translation>ALT(&amp;A):</translation>
        </message>
        <message>
            <source>&amp;First day:</source>
            <translation>開始日(&amp;F):</translation>
        </message>
        <message>
            <source>&amp;Last day:</source>
            <translation>終了日(&amp;L):</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>種類(&amp;K):</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>備考(&amp;N):</translation>
        </message>
        <message>
            <source>ALT who is absent</source>
            <translation>不在のALT</translation>
        </message>
        <message>
            <source>First day of the absence</source>
            <translation>不在の開始日</translation>
        </message>
        <message>
            <source>Last day of the absence</source>
            <translation>不在の終了日</translation>
        </message>
        <message>
            <source>Kind of absence</source>
            <translation>不在の種類</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>備考</translation>
        </message>
        <message>
            <source>e.g. called in at 7:30; doctor's note to follow</source>
            <translation>例：7時30分に電話連絡、診断書は後日提出</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>&amp;Find Substitutes…</source>
            <translation>代替ALTを探す(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>閉じる(&amp;C)</translation>
        </message>
        <message>
            <source>%1 day(s): %2. Visits on these days without a substitute: %3.</source>
            <translation>%1日間：%2。代替ALTが未定の訪問：%3件。</translation>
        </message>
        <message>
            <source>Saved. %1 has %2 visit(s) on these days that need a substitute ALT.</source>
            <translation>保存しました。%1 にはこの期間に代替ALTが必要な訪問が %2 件あります。</translation>
        </message>
    </context>
    <context>
        <name>Absences</name>
        <message>
            <source>Paid leave</source>
            <translation>有給休暇</translation>
        </message>
        <message>
            <source>Sick</source>
            <translation>病欠</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>研修</translation>
        </message>
        <message>
            <source>Compensatory day off</source>
            <translation>振替休日</translation>
        </message>
    </context>
    <context>
        <name>AbsencesPage</name>
        <message>
            <source>ALT</source>
            <translation>ALT</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>開始日</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>終了日</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>日数</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>To cover</source>
            <translation>未手配</translation>
        </message>
        <message>
            <source>Visits on these days without a substitute</source>
            <translation>代替ALTが未定の訪問</translation>
        </message>
        <message>
            <source>Covered</source>
            <translation>手配済</translation>
        </message>
        <message>
            <source>Visits a substitute ALT covers</source>
            <translation>代替ALTが担当する訪問</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>備考</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日付</translation>
        </message>
        <message>
            <source>School</source>
            <translation>学校</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>行事</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>時間</translation>
        </message>
        <message>
            <source>Compensatory day off</source>
            <translation>振替休日</translation>
        </message>
        <message>
            <source>To move</source>
            <translation>要調整</translation>
        </message>
        <message>
            <source>Visits on the compensatory day still to move or cancel</source>
            <translation>振替休日に残っている、移動または中止が必要な訪問</translation>
        </message>
        <message>
            <source>Attending ALTs</source>
            <translation>参加ALT</translation>
        </message>
        <message>
            <source>This compensatory day comes with a school event: change it in the event.</source>
            <translation>この振替休日は学校行事によるものです。行事の画面で変更してください。</translation>
        </message>
        <message>
            <source>Deleted the absence of %1. Undo with Ctrl+Z.</source>
            <translation>%1 の不在を削除しました。Ctrl+Zで元に戻せます。</translation>
        </message>
        <message>
            <source>Deleted %1 at %2 with its visits and compensatory days. Undo with Ctrl+Z.</source>
            <translation>%2 の %1 を、訪問と振替休日とともに削除しました。Ctrl+Zで元に戻せます。</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>表示(&amp;S):</translation>
        </message>
        <message>
            <source>From today on</source>
            <translation>今日以降</translation>
        </message>
        <message>
            <source>This fiscal year</source>
            <translation>今年度</translation>
        </message>
        <message>
            <source>All</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>Which period to list</source>
            <translation>表示する期間</translation>
        </message>
        <message>
            <source>Search by ALT, school, kind or note…</source>
            <translation>ALT・学校・種類・備考で検索…</translation>
        </message>
        <message>
            <source>Search absences and events</source>
            <translation>不在と行事を検索</translation>
        </message>
        <message>
            <source>Absences</source>
            <translation>不在</translation>
        </message>
        <message>
            <source>School events</source>
            <translation>学校行事</translation>
        </message>
        <message>
            <source>&amp;New Absence…</source>
            <translation>不在を登録(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>編集(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Find Substitutes…</source>
            <translation>代替ALTを探す(&amp;F)…</translation>
        </message>
        <message>
            <source>New &amp;School Event…</source>
            <translation>学校行事を登録(&amp;S)…</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPage</name>
        <message>
            <source>Severity</source>
            <translation>重要度</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日付</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>ALT</source>
            <translation>ALT</translation>
        </message>
        <message>
            <source>School</source>
            <translation>学校</translation>
        </message>
        <message>
            <source>What is wrong</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>エラー</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>確認中…</translation>
        </message>
        <message>
            <source>The check failed: %1</source>
            <translation>確認できませんでした：%1</translation>
        </message>
        <message>
            <source>Not checked yet.</source>
            <translation>まだ確認していません。</translation>
        </message>
        <message>
            <source>No conflicts from %1.</source>
            <translation>%1 に問題はありません。</translation>
        </message>
        <message>
            <source>%1 of %2 conflicts shown (errors: %3, warnings: %4), %5.</source>
            <translation>%2 件中 %1 件を表示（エラー %3 件、警告 %4 件）、%5。</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>期間(&amp;P):</translation>
        </message>
        <message>
            <source>This month and next</source>
            <translation>今月と来月</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>今月</translation>
        </message>
        <message>
            <source>Next month</source>
            <translation>来月</translation>
        </message>
        <message>
            <source>This fiscal year</source>
            <translation>今年度</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>指定</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>開始(&amp;F):</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>終了(&amp;T):</translation>
        </message>
        <message>
            <source>First day to check</source>
            <translation>確認する最初の日</translation>
        </message>
        <message>
            <source>Last day to check</source>
            <translation>確認する最後の日</translation>
        </message>
        <message>
            <source>Period to check</source>
            <translation>確認する期間</translation>
        </message>
        <message>
            <source>Check &amp;again</source>
            <translation>再確認(&amp;A)</translation>
        </message>
        <message>
            <source>Check the period again (F5)</source>
            <translation>期間をもう一度確認（F5）</translation>
        </message>
        <message>
            <source>&amp;Severity:</source>
            <translation>重要度(&amp;S):</translation>
        </message>
        <message>
            <source>All</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>Filter by severity</source>
            <translation>重要度で絞り込み</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>種類(&amp;K):</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>すべての種類</translation>
        </message>
        <message>
            <source>Filter by kind</source>
            <translation>種類で絞り込み</translation>
        </message>
        <message>
            <source>A&amp;LT:</source>
            <translation>ALT(&amp;L):</translation>
        </message>
        <message>
            <source>All ALTs</source>
            <translation>すべてのALT</translation>
        </message>
        <message>
            <source>Filter by ALT</source>
            <translation>ALTで絞り込み</translation>
        </message>
        <message>
            <source>Sc&amp;hool:</source>
            <translation>学校(&amp;H):</translation>
        </message>
        <message>
            <source>All schools</source>
            <translation>すべての学校</translation>
        </message>
        <message>
            <source>Filter by school</source>
            <translation>学校で絞り込み</translation>
        </message>
        <message>
            <source>Search in the messages, codes and names…</source>
            <translation>内容・コード・名前で検索…</translation>
        </message>
        <message>
            <source>Search conflicts</source>
            <translation>問題を検索</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>すべて表示</translation>
        </message>
        <message>
            <source>Clear the filters</source>
            <translation>絞り込みを解除</translation>
        </message>
        <message>
            <source>Error: must be fixed before the schedule goes out</source>
            <translation>エラー：予定表を送る前に必ず直してください</translation>
        </message>
        <message>
            <source>Warning: check it; it may be intended</source>
            <translation>警告：確認してください（意図どおりの場合もあります）</translation>
        </message>
        <message>
            <source>Double-click a row or press Enter to open that day.</source>
            <translation>行をダブルクリックするかEnterキーで、その日を開きます。</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>問題一覧</translation>
        </message>
        <message>
            <source>The selected conflict</source>
            <translation>選択した問題</translation>
        </message>
        <message>
            <source>&amp;Open day</source>
            <translation>この日を開く(&amp;O)</translation>
        </message>
        <message>
            <source>Show this day in the calendar</source>
            <translation>カレンダーでこの日を表示</translation>
        </message>
    </context>
    <context>
        <name>EventDialog</name>
        <message>
            <source>Edit School Event</source>
            <translation>学校行事の編集</translation>
        </message>
        <message>
            <source>Record School Event</source>
            <translation>学校行事の登録</translation>
        </message>
        <message>
            <source>&amp;School:</source>
            <translation>学校(&amp;S):</translation>
        </message>
        <message>
            <source>&amp;Day:</source>
            <translation>日付(&amp;D):</translation>
        </message>
        <message>
            <source>Name (&amp;Japanese):</source>
            <translation>行事名・日本語(&amp;J):</translation>
        </message>
        <message>
            <source>Name (&amp;English):</source>
            <translation>行事名・英語(&amp;E):</translation>
        </message>
        <message>
            <source>&amp;Time:</source>
            <translation>時間(&amp;T):</translation>
        </message>
        <message>
            <source>&amp;Compensatory day off:</source>
            <translation>振替休日(&amp;C):</translation>
        </message>
        <message>
            <source>&amp;Attending ALTs:</source>
            <translation>参加ALT(&amp;A):</translation>
        </message>
        <message>
            <source>to</source>
            <translation>〜</translation>
        </message>
        <message>
            <source>School holding the event</source>
            <translation>行事を行う学校</translation>
        </message>
        <message>
            <source>Day of the event</source>
            <translation>行事の日</translation>
        </message>
        <message>
            <source>Event name in Japanese</source>
            <translation>日本語の行事名</translation>
        </message>
        <message>
            <source>Event name in English</source>
            <translation>英語の行事名</translation>
        </message>
        <message>
            <source>Sports Day</source>
            <translation>例：Sports Day</translation>
        </message>
        <message>
            <source>Start time</source>
            <translation>開始時刻</translation>
        </message>
        <message>
            <source>End time</source>
            <translation>終了時刻</translation>
        </message>
        <message>
            <source>Compensatory day off of the attending ALTs</source>
            <translation>参加ALTの振替休日</translation>
        </message>
        <message>
            <source>Next School &amp;Day</source>
            <translation>次の授業日(&amp;D)</translation>
        </message>
        <message>
            <source>Use the school's next school day after the event</source>
            <translation>行事の後の、学校の次の授業日にする</translation>
        </message>
        <message>
            <source>Filter by code or name…</source>
            <translation>コードまたは名前で絞り込み…</translation>
        </message>
        <message>
            <source>Filter the ALTs</source>
            <translation>ALTを絞り込み</translation>
        </message>
        <message>
            <source>Attending ALTs</source>
            <translation>参加ALT</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>(placed at this school)</source>
            <translation>（この学校に配置）</translation>
        </message>
        <message>
            <source>Attending: %1</source>
            <translation>参加：%1 人</translation>
        </message>
        <message>
            <source>The school's next school day after the event: %1</source>
            <translation>行事の後の次の授業日：%1</translation>
        </message>
    </context>
    <context>
        <name>SubstituteFinder</name>
        <message>
            <source>Date</source>
            <translation>日付</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>時間</translation>
        </message>
        <message>
            <source>School</source>
            <translation>学校</translation>
        </message>
        <message>
            <source>Substitute</source>
            <translation>代替ALT</translation>
        </message>
        <message>
            <source>#</source>
            <translation>順位</translation>
        </message>
        <message>
            <source>ALT</source>
            <translation>ALT</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>点数</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>%1 · %2 · %3 · to cover: %4</source>
            <translation>%1・%2・%3・未手配 %4 件</translation>
        </message>
        <message>
            <source>None: choose an ALT and dates below</source>
            <translation>なし：下でALTと期間を選ぶ</translation>
        </message>
        <message>
            <source>Select a visit to see who could cover it.</source>
            <translation>訪問を選ぶと、代わりに行けるALTが表示されます。</translation>
        </message>
        <message>
            <source>%1, %2 at %3 (%4 classes)</source>
            <translation>%1 %2 %3（%4 コマ）</translation>
        </message>
        <message>
            <source>Nobody is free at that time. Consider moving or cancelling the visit.</source>
            <translation>その時間に空いているALTはいません。訪問の移動か中止を検討してください。</translation>
        </message>
        <message>
            <source>To cover: %1 · covered: %2</source>
            <translation>未手配：%1 件・手配済：%2 件</translation>
        </message>
        <message>
            <source>%1 covers %2 on %3. Undo with Ctrl+Z.</source>
            <translation>%3 の %2 は %1 が代替します。Ctrl+Zで元に戻せます。</translation>
        </message>
        <message>
            <source>%1 on %2 needs a substitute again.</source>
            <translation>%2 の %1 は再び代替ALTが必要です。</translation>
        </message>
        <message>
            <source>Find Substitute ALTs</source>
            <translation>代替ALTの手配</translation>
        </message>
        <message>
            <source>A&amp;bsence:</source>
            <translation>不在(&amp;B):</translation>
        </message>
        <message>
            <source>Absence to cover</source>
            <translation>手配する不在</translation>
        </message>
        <message>
            <source>A&amp;LT:</source>
            <translation>ALT(&amp;L):</translation>
        </message>
        <message>
            <source>ALT whose visits need covering</source>
            <translation>訪問の代替が必要なALT</translation>
        </message>
        <message>
            <source>Code or name</source>
            <translation>コードまたは名前</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>開始(&amp;F):</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>終了(&amp;T):</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>開始日</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>終了日</translation>
        </message>
        <message>
            <source>Visits to cover</source>
            <translation>代替が必要な訪問</translation>
        </message>
        <message>
            <source>Already covered</source>
            <translation>手配済み</translation>
        </message>
        <message>
            <source>Visits already covered</source>
            <translation>手配済みの訪問</translation>
        </message>
        <message>
            <source>&amp;Remove Substitute</source>
            <translation>代替を解除(&amp;R)</translation>
        </message>
        <message>
            <source>Who could cover the selected visit (best first)</source>
            <translation>選択した訪問の代替候補（おすすめ順）</translation>
        </message>
        <message>
            <source>Candidates</source>
            <translation>候補</translation>
        </message>
        <message>
            <source>&amp;Assign Substitute</source>
            <translation>代替ALTに決定(&amp;A)</translation>
        </message>
        <message>
            <source>Assign the selected ALT (Enter or double-click)</source>
            <translation>選択したALTに決定（Enterまたはダブルクリック）</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>元に戻す(&amp;U)</translation>
        </message>
        <message>
            <source>Undo the last change (Ctrl+Z)</source>
            <translation>直前の変更を元に戻す（Ctrl+Z）</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>閉じる(&amp;C)</translation>
        </message>
    </context>
</TS>