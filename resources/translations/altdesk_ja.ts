<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="178"/>
        <source>Edit Absence</source>
        <translation>不在の編集</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="178"/>
        <source>Record Absence</source>
        <translation>不在の登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="179"/>
        <source>&amp;ALT:</source>
        <translation>ALT(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="180"/>
        <source>&amp;First day:</source>
        <translation>開始日(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="181"/>
        <source>&amp;Last day:</source>
        <translation>終了日(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="182"/>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="183"/>
        <source>&amp;Note:</source>
        <translation>備考(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="186"/>
        <source>ALT who is absent</source>
        <translation>不在のALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="187"/>
        <source>First day of the absence</source>
        <translation>不在の開始日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="188"/>
        <source>Last day of the absence</source>
        <translation>不在の終了日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="189"/>
        <source>Kind of absence</source>
        <translation>不在の種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="190"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="191"/>
        <source>e.g. called in at 7:30; doctor&apos;s note to follow</source>
        <translation>例：7時30分に電話連絡、診断書は後日提出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="192"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="193"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="194"/>
        <source>&amp;Find Substitutes…</source>
        <translation>代替ALTを探す(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="195"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="223"/>
        <source>%1 day(s): %2. Visits on these days without a substitute: %3.</source>
        <translation>%1日間：%2。代替ALTが未定の訪問：%3件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="271"/>
        <source>Saved. %1 has %2 visit(s) on these days that need a substitute ALT.</source>
        <translation>保存しました。%1 にはこの期間に代替ALTが必要な訪問が %2 件あります。</translation>
    </message>
</context>
<context>
    <name>Absences</name>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="42"/>
        <source>Paid leave</source>
        <translation>有給休暇</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="43"/>
        <source>Sick</source>
        <translation>病欠</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="44"/>
        <source>Training</source>
        <translation>研修</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="45"/>
        <source>Compensatory day off</source>
        <translation>振替休日</translation>
    </message>
</context>
<context>
    <name>AbsencesPage</name>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="195"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="196"/>
        <source>First day</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="198"/>
        <source>Last day</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="200"/>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="201"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="202"/>
        <source>To cover</source>
        <translation>未手配</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="204"/>
        <source>Visits on these days without a substitute</source>
        <translation>代替ALTが未定の訪問</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="205"/>
        <source>Covered</source>
        <translation>手配済</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="207"/>
        <source>Visits a substitute ALT covers</source>
        <translation>代替ALTが担当する訪問</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="208"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="224"/>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="226"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="229"/>
        <source>Event</source>
        <translation>行事</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="230"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="231"/>
        <source>Compensatory day off</source>
        <translation>振替休日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="233"/>
        <source>To move</source>
        <translation>要調整</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="236"/>
        <source>Visits on the compensatory day still to move or cancel</source>
        <translation>振替休日に残っている、移動または中止が必要な訪問</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="237"/>
        <source>Attending ALTs</source>
        <translation>参加ALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="309"/>
        <source>This compensatory day comes with a school event: change it in the event.</source>
        <translation>この振替休日は学校行事によるものです。行事の画面で変更してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="354"/>
        <source>Deleted the absence of %1. Undo with Ctrl+Z.</source>
        <translation>%1 の不在を削除しました。Ctrl+Zで元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="390"/>
        <source>Deleted %1 at %2 with its visits and compensatory days. Undo with Ctrl+Z.</source>
        <translation>%2 の %1 を、訪問と振替休日とともに削除しました。Ctrl+Zで元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="428"/>
        <source>&amp;Show:</source>
        <translation>表示(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="429"/>
        <source>From today on</source>
        <translation>今日以降</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="429"/>
        <source>This fiscal year</source>
        <translation>今年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="429"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="431"/>
        <source>Which period to list</source>
        <translation>表示する期間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="432"/>
        <source>Search by ALT, school, kind or note…</source>
        <translation>ALT・学校・種類・備考で検索…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="433"/>
        <source>Search absences and events</source>
        <translation>不在と行事を検索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="434"/>
        <location filename="../../ui/pages/absences_page.py" line="436"/>
        <source>Absences</source>
        <translation>不在</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="435"/>
        <location filename="../../ui/pages/absences_page.py" line="437"/>
        <source>School events</source>
        <translation>学校行事</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="438"/>
        <source>&amp;New Absence…</source>
        <translation>不在を登録(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="439"/>
        <location filename="../../ui/pages/absences_page.py" line="443"/>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="440"/>
        <location filename="../../ui/pages/absences_page.py" line="444"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="441"/>
        <source>&amp;Find Substitutes…</source>
        <translation>代替ALTを探す(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/absences_page.py" line="442"/>
        <source>New &amp;School Event…</source>
        <translation>学校行事を登録(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>AltDialog</name>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="235"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="237"/>
        <source>&amp;Code:</source>
        <translation>コード(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="238"/>
        <source>&amp;Family name (romaji):</source>
        <translation>姓・ローマ字(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="239"/>
        <source>&amp;Given name (romaji):</source>
        <translation>名・ローマ字(&amp;G):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="240"/>
        <source>&amp;Reading (katakana):</source>
        <translation>フリガナ・カタカナ(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="241"/>
        <source>&amp;Nationality:</source>
        <translation>国籍(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="242"/>
        <source>S&amp;tarted:</source>
        <translation>入社日(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="243"/>
        <source>St&amp;atus:</source>
        <translation>状態(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="244"/>
        <source>&amp;E-mail:</source>
        <translation>メール(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="245"/>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="246"/>
        <source>&amp;Weekly class limit:</source>
        <translation>週あたり授業数の上限(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="247"/>
        <source>Levels taught:</source>
        <translation>担当校種:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="250"/>
        <source>e.g. エミリー・カーター</source>
        <translation>例：エミリー・カーター</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="251"/>
        <source>The first day with the company; leave — if unknown.</source>
        <translation>入社した日。不明なら「—」のままにします。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="252"/>
        <source> classes</source>
        <translation> コマ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="253"/>
        <source>Active</source>
        <translation>在籍</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="254"/>
        <source>On leave</source>
        <translation>休職中</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="255"/>
        <source>Left the company</source>
        <translation>退職</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="261"/>
        <source>Teaches %1</source>
        <translation>%1を担当</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="262"/>
        <source>What the placement planner needs</source>
        <translation>配置計画に使う情報</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="263"/>
        <source>Diet</source>
        <translation>食事</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="264"/>
        <source>Planning</source>
        <translation>配置計画</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="265"/>
        <source>Contract end&amp;s:</source>
        <translation>契約終了日(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="266"/>
        <source>The last day of the contract; leave — if open.</source>
        <translation>契約の最終日。期限がなければ — のままにします。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="267"/>
        <source>&amp;Home (lat., long.):</source>
        <translation>自宅（緯度・経度）(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="268"/>
        <source>latitude, e.g. 35.8617</source>
        <translation>緯度（例：35.8617）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="269"/>
        <source>longitude, e.g. 139.6455</source>
        <translation>経度（例：139.6455）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="270"/>
        <source>Home latitude</source>
        <translation>自宅の緯度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="271"/>
        <source>Home longitude</source>
        <translation>自宅の経度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="272"/>
        <source>Where the ALT lives, in decimal degrees (both or neither): the planner estimates travel from it.</source>
        <translation>ALTの自宅の位置（10進数の度。緯度と経度は両方入力するか、両方空欄）。配置計画はここから移動時間を見積もります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="274"/>
        <source>Travels &amp;by:</source>
        <translation>通勤手段(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="275"/>
        <source>Car</source>
        <translation>車</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="276"/>
        <source>Train or bus</source>
        <translation>電車・バス</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="277"/>
        <source>Bicycle</source>
        <translation>自転車</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="280"/>
        <source>At &amp;most:</source>
        <translation>上限(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="281"/>
        <source> schools</source>
        <translation> 校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="282"/>
        <source>At most this many schools for the ALT; — for no cap.</source>
        <translation>このALTが担当する学校数の上限。上限なしは —。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="283"/>
        <source>At most this many schools</source>
        <translation>担当校数の上限</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="284"/>
        <source>Would rather teach:</source>
        <translation>希望校種:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="288"/>
        <source>Would rather teach %1</source>
        <translation>%1を希望</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="289"/>
        <source>Diet profile (sensitive personal data)</source>
        <translation>食事の制限（要配慮個人情報）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="290"/>
        <source>Decides whether the ALT can eat school lunch. Shared with schools only with the ALT&apos;s consent.</source>
        <translation>ALTが給食を食べられるかを判断します。学校への提供はALTの同意がある場合に限ります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="293"/>
        <source>Allergies to the eight labelled allergens:</source>
        <translation>特定原材料8品目のアレルギー:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="296"/>
        <source>Allergic to %1</source>
        <translation>%1アレルギー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="297"/>
        <source>&amp;Other allergens:</source>
        <translation>その他のアレルゲン(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="298"/>
        <source>e.g. kiwi, soy</source>
        <translation>例：キウイ、大豆</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="299"/>
        <source>Vegetarian</source>
        <translation>ベジタリアン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="300"/>
        <source>Vegan</source>
        <translation>ヴィーガン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="301"/>
        <source>Halal</source>
        <translation>ハラール</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="302"/>
        <source>Gluten-free</source>
        <translation>グルテンフリー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="303"/>
        <source>&amp;Diet notes:</source>
        <translation>食事のメモ(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="313"/>
        <source>The ALT consents to share diet details with schools</source>
        <translation>食事の情報を学校に伝えることにALTが同意している</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="348"/>
        <source>New ALT</source>
        <translation>ALTの新規登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="349"/>
        <source>ALT %1 – %2</source>
        <translation>ALT %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="304"/>
        <source>Lunch re&amp;view:</source>
        <translation>給食の確認(&amp;V):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="305"/>
        <source>To review: own lunch until reviewed</source>
        <translation>要確認：確認まで弁当持参</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="306"/>
        <source>Reviewed: school lunch is fine</source>
        <translation>確認済み：給食可</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="307"/>
        <source>Reviewed: own lunch</source>
        <translation>確認済み：弁当持参</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alt_dialog.py" line="310"/>
        <source>Diet notes and other allergens are free text the lunch rules cannot read: the ALT brings own lunch until you say what they mean. Changing the text asks for a new review.</source>
        <translation>食事のメモとその他のアレルゲンは自由記述のため、規則では判定できません。内容を確認して選ぶまで ALT は弁当持参になります。記述を変えると、改めて確認が必要です。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="43"/>
        <source>Created</source>
        <translation>作成</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="44"/>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="45"/>
        <source>Deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="46"/>
        <source>Exported</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="47"/>
        <source>Imported</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="55"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="55"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="81"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="83"/>
        <source>Who</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="84"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="85"/>
        <source>Record</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="87"/>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="212"/>
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="213"/>
        <source>All actions</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="216"/>
        <source>All records</source>
        <translation>すべての対象</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="254"/>
        <source>%1 entries</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="256"/>
        <source>the newest %1 entries; narrow the filters to see older ones</source>
        <translation>新しい順に %1 件。それより前は条件を絞って表示してください</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="272"/>
        <source>Who:</source>
        <translation>担当者:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="272"/>
        <source>Action:</source>
        <translation>操作:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="272"/>
        <source>Record:</source>
        <translation>対象:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="272"/>
        <source>Search:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="275"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="276"/>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="277"/>
        <source>name, code, value…</source>
        <translation>名前・コード・値…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="278"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="278"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="278"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <location filename="../../ui/models/audit_text.py" line="20"/>
        <source>Branch</source>
        <translation>支店</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="21"/>
        <location filename="../../ui/models/audit_text.py" line="54"/>
        <source>Board of education</source>
        <translation>教育委員会</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="22"/>
        <location filename="../../ui/models/audit_text.py" line="55"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="23"/>
        <source>Bell schedule period</source>
        <translation>時程の校時</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="24"/>
        <location filename="../../ui/models/audit_text.py" line="56"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="25"/>
        <source>Placement</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="26"/>
        <source>Visit</source>
        <translation>訪問</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="27"/>
        <source>Absence</source>
        <translation>不在</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="28"/>
        <source>Day off</source>
        <translation>休日</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="29"/>
        <source>Holiday override</source>
        <translation>祝日の変更</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="30"/>
        <source>School event</source>
        <translation>学校行事</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="31"/>
        <source>Event attendee</source>
        <translation>行事の参加ALT</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="32"/>
        <source>Issued report</source>
        <translation>発行した帳票</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="33"/>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="34"/>
        <source>Lunch order sheets</source>
        <translation>教職員給食注文票</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="38"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="39"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="40"/>
        <source>Name (Japanese)</source>
        <translation>名称（日本語）</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="41"/>
        <source>Name (English)</source>
        <translation>名称（英語）</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="42"/>
        <source>Short name</source>
        <translation>略称</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="43"/>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="44"/>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="45"/>
        <source>Reading (katakana)</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="46"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="47"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="48"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="49"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="50"/>
        <source>Contact teacher</source>
        <translation>担当の先生</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="51"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="52"/>
        <source>Level</source>
        <translation>校種</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="53"/>
        <source>Levels taught</source>
        <translation>担当校種</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="57"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="58"/>
        <source>Planned date</source>
        <translation>当初の予定日</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="59"/>
        <source>First day</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="60"/>
        <source>Last day</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="61"/>
        <source>Start</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="62"/>
        <source>End</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="63"/>
        <source>Periods</source>
        <translation>校時</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="64"/>
        <source>Classes</source>
        <translation>授業数</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="65"/>
        <source>Classes a day</source>
        <translation>1日の授業数</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="66"/>
        <source>Weekly class limit</source>
        <translation>週あたり授業数の上限</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="67"/>
        <source>Lunch</source>
        <translation>昼食</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="68"/>
        <source>Lunch policy</source>
        <translation>給食の方針</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="69"/>
        <source>Price per meal</source>
        <translation>1食の単価</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="70"/>
        <source>Lunch notice deadline</source>
        <translation>給食連絡の締切</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="71"/>
        <source>Contracted days</source>
        <translation>契約日数</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="72"/>
        <source>Contract days</source>
        <translation>契約日数</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="73"/>
        <source>Contract hours</source>
        <translation>契約時間</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="74"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="75"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="76"/>
        <source>Repeats</source>
        <translation>繰り返し</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="77"/>
        <source>Added dates</source>
        <translation>追加する日</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="78"/>
        <source>Removed dates</source>
        <translation>除外する日</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="79"/>
        <source>Substitute ALT</source>
        <translation>代替ALT</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="80"/>
        <source>Holiday</source>
        <translation>休日</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="81"/>
        <source>Allergens</source>
        <translation>アレルゲン</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="82"/>
        <source>Other allergens</source>
        <translation>その他のアレルゲン</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="83"/>
        <source>Vegetarian</source>
        <translation>ベジタリアン</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="84"/>
        <source>Vegan</source>
        <translation>ヴィーガン</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="85"/>
        <source>Halal</source>
        <translation>ハラール</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="86"/>
        <source>Gluten-free</source>
        <translation>グルテンフリー</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="87"/>
        <source>Diet notes</source>
        <translation>食事のメモ</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="88"/>
        <source>Consent to share diet details</source>
        <translation>食事情報の提供への同意</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="89"/>
        <source>Compensatory day off</source>
        <translation>振替休日</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="90"/>
        <source>Rows</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="108"/>
        <source>Created %1</source>
        <translation>%1 を作成</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="108"/>
        <source>Changed %1</source>
        <translation>%1 を変更</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="109"/>
        <source>Deleted %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_text.py" line="119"/>
        <source>%1 (%2 rows)</source>
        <translation>%1（%2 件）</translation>
    </message>
</context>
<context>
    <name>BellScheduleEditor</name>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="206"/>
        <source>Add peri&amp;od</source>
        <translation>校時を追加(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="207"/>
        <source>Re&amp;move period</source>
        <translation>校時を削除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="208"/>
        <source>Bell schedule</source>
        <translation>時程</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="209"/>
        <source>Add period</source>
        <translation>校時を追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="210"/>
        <source>Remove period</source>
        <translation>校時を削除</translation>
    </message>
</context>
<context>
    <name>BellScheduleModel</name>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="114"/>
        <source>Period</source>
        <translation>校時</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="114"/>
        <source>Starts</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bell_schedule_editor.py" line="114"/>
        <source>Ends</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>BoardDialog</name>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="43"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="44"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="47"/>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="49"/>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="50"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="78"/>
        <source>The branch default</source>
        <translation>支店の既定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="126"/>
        <source>Board of education (教育委員会)</source>
        <translation>教育委員会</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="128"/>
        <source>&amp;Code:</source>
        <translation>コード(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="129"/>
        <source>&amp;Name (Japanese):</source>
        <translation>名称・日本語(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="130"/>
        <source>Name (&amp;English):</source>
        <translation>名称・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="131"/>
        <source>Contract &amp;days:</source>
        <translation>契約日数(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="132"/>
        <source>Contract &amp;hours:</source>
        <translation>契約時間(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="133"/>
        <source>Lunch notice dead&amp;line:</source>
        <translation>給食連絡の締切(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="142"/>
        <source>Ed&amp;it…</source>
        <translation>編集(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="136"/>
        <source>e.g. さくら市教育委員会</source>
        <translation>例：さくら市教育委員会</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="137"/>
        <source> days a year</source>
        <translation> 日／年</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="138"/>
        <source> hours a day</source>
        <translation> 時間／日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="139"/>
        <location filename="../../ui/dialogs/board_dialog.py" line="140"/>
        <source>Breaks and closure days</source>
        <translation>長期休業と学校閉庁日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="141"/>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="143"/>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="239"/>
        <source>New board of education</source>
        <translation>教育委員会の新規登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/board_dialog.py" line="240"/>
        <source>Board of education %1 – %2</source>
        <translation>教育委員会 %1 – %2</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="289"/>
        <source>Classes per week (Monday %1): %2</source>
        <translation>週の授業数（%1の週）：%2</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="291"/>
        <source>Month: %1 classes on %2 days</source>
        <translation>月計：%2日で %1 コマ</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="325"/>
        <source>Absent: %1</source>
        <translation>不在：%1</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="331"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="333"/>
        <source>Needs a substitute</source>
        <translation>要代替（代替ALTが必要です）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="339"/>
        <source>Error: %1</source>
        <translation>エラー：%1</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="341"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="344"/>
        <source>No visit</source>
        <translation>訪問なし</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="359"/>
        <source>Changed since the month was sent: send it again.</source>
        <translation>この月の送付後に変更があります。再送付してください。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="364"/>
        <source>Classes/week</source>
        <translation>週の授業数</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/board_model.py" line="381"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>BranchDialog</name>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="34"/>
        <source>ALTdesk&apos;s default (day 20 of the previous month, 17:00)</source>
        <translation>ALTdesk の既定（前月20日 17:00）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="60"/>
        <source>Branch &amp;name (Japanese):</source>
        <translation>支店名（日本語）(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="61"/>
        <source>Name in &amp;English:</source>
        <translation>英語名(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="62"/>
        <source>&amp;Address:</source>
        <translation>住所(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="63"/>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="64"/>
        <source>Lunch notice dead&amp;line:</source>
        <translation>給食連絡の締切(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="67"/>
        <source>e.g. ALTdesk さくら支店</source>
        <translation>例：ALTdesk さくら支店</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="68"/>
        <source>e.g. Sakura Branch</source>
        <translation>例：Sakura Branch</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="69"/>
        <source>e.g. 043-123-4567</source>
        <translation>例：043-123-4567</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="70"/>
        <source>Printed on every visit schedule and lunch order sheet.</source>
        <translation>すべての訪問予定表と給食注文票に印刷されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/branch_dialog.py" line="116"/>
        <source>Branch</source>
        <translation>支店</translation>
    </message>
</context>
<context>
    <name>CalendarLayersModel</name>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="24"/>
        <source>Branch default</source>
        <translation>支店の既定</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="33"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="34"/>
        <source>Board of education</source>
        <translation>教育委員会</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="36"/>
        <source>Contract days</source>
        <translation>契約日数</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="38"/>
        <source>Hours a day</source>
        <translation>1日の時間</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="40"/>
        <source>Lunch notice</source>
        <translation>給食連絡</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="41"/>
        <source>Schools</source>
        <translation>学校数</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="42"/>
        <source>Breaks and closures</source>
        <translation>休業・閉庁日</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="49"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="51"/>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="53"/>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="54"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="55"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="59"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="65"/>
        <source>Holiday</source>
        <translation>休日</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="65"/>
        <source>Working day</source>
        <translation>出勤日</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="69"/>
        <source>Provisional date</source>
        <translation>暫定の日付</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="71"/>
        <source>Holiday added by the branch</source>
        <translation>支店で追加した休日</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="72"/>
        <source>Worked by the branch</source>
        <translation>支店で出勤日に変更</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="72"/>
        <source>Renamed by the branch</source>
        <translation>支店で名称を変更</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="75"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="77"/>
        <source>National holiday</source>
        <translation>国民の祝日</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="78"/>
        <source>In effect</source>
        <translation>扱い</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="79"/>
        <source>Name shown</source>
        <translation>表示名</translation>
    </message>
    <message>
        <location filename="../../ui/models/calendar_layers.py" line="80"/>
        <source>Override</source>
        <translation>変更</translation>
    </message>
</context>
<context>
    <name>CalendarLayersPage</name>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="75"/>
        <source>Add a holiday…</source>
        <translation>休日を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="75"/>
        <source>Override…</source>
        <translation>変更…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="75"/>
        <source>Remove override</source>
        <translation>変更を取り消す</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="115"/>
        <source>Choose a board above to see its breaks and closure days.</source>
        <translation>上で教育委員会を選ぶと、その長期休業と学校閉庁日が表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="118"/>
        <source>Breaks and closure days of %1 in fiscal year %2</source>
        <translation>%1 の %2年度の長期休業と学校閉庁日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="128"/>
        <source>&amp;Fiscal year:</source>
        <translation>年度(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="129"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="131"/>
        <source>April to March; 2026 means April 2026 to March 2027.</source>
        <translation>4月から翌年3月まで。2026年度は2026年4月〜2027年3月です。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="133"/>
        <source>Visits are only planned on school working days: these layers say which days are not.</source>
        <translation>訪問は学校の授業日にだけ予定されます。ここでは授業がない日を設定します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="134"/>
        <source>Boards, breaks and closures</source>
        <translation>教育委員会・休業・閉庁日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="134"/>
        <source>School days off</source>
        <translation>学校ごとの休日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="135"/>
        <source>Branch closures</source>
        <translation>支店の休業日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="135"/>
        <source>National holidays</source>
        <translation>国民の祝日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="139"/>
        <source>Search boards…</source>
        <translation>教育委員会を検索…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar_layers_page.py" line="140"/>
        <source>Search by school or name…</source>
        <translation>学校名や名称で検索…</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="309"/>
        <location filename="../../ui/calendar/calendar_page.py" line="337"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="309"/>
        <location filename="../../ui/calendar/calendar_page.py" line="338"/>
        <source>Week</source>
        <translation>週</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="309"/>
        <source>Board</source>
        <translation>一覧表</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="314"/>
        <source>Previous (Alt+Left)</source>
        <translation>前へ（Alt+Left）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="315"/>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="317"/>
        <source>Next (Alt+Right)</source>
        <translation>次へ（Alt+Right）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="318"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="319"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="320"/>
        <source>Paperwork</source>
        <translation>書類</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="321"/>
        <source>Show the marks of paperwork warnings (lunch notices past their deadline)</source>
        <translation>書類の警告（締切を過ぎた給食連絡）の印を表示します</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="323"/>
        <source>Fit month</source>
        <translation>月全体</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="324"/>
        <source>Show the whole month in the window</source>
        <translation>月のすべての日をウィンドウに表示します</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="326"/>
        <source>Wider days (Ctrl++)</source>
        <translation>日の幅を広げる (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="327"/>
        <source>Wider days</source>
        <translation>日の幅を広げる</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="329"/>
        <source>Narrower days (Ctrl+-)</source>
        <translation>日の幅を狭める (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="330"/>
        <source>Narrower days</source>
        <translation>日の幅を狭める</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="331"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="331"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="331"/>
        <source>Board of education</source>
        <translation>教育委員会</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="332"/>
        <source>Level</source>
        <translation>校種</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="334"/>
        <source>Search ALT or school…</source>
        <translation>ALTや学校を検索…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="335"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="336"/>
        <source>Board: ALTs by day</source>
        <translation>一覧表：ALT×日付</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="356"/>
        <source>Lunch: 給 school lunch · 弁 own lunch · 牛 milk only</source>
        <translation>昼食：給 給食 · 弁 弁当持参 · 牛 牛乳のみ</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="356"/>
        <source>Lunch: L school lunch · B own lunch · M milk only</source>
        <translation>昼食：L 給食 · B 弁当持参 · M 牛乳のみ</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="361"/>
        <source>hollow box: a substitute&apos;s visit</source>
        <translation>白抜きの枠：代替ALTの訪問</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="363"/>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="364"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="365"/>
        <source>hatched: ALT away (%1)</source>
        <translation>斜線：ALT不在（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="366"/>
        <source>no substitute yet</source>
        <translation>代替ALTが必要</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="367"/>
        <source>grey text: covered by a substitute</source>
        <translation>灰色の文字：代替ALTが担当</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="368"/>
        <source>struck out: cancelled</source>
        <translation>取り消し線：中止</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="369"/>
        <source>school event</source>
        <translation>学校行事</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="370"/>
        <source>grey: weekend, holiday or closure</source>
        <translation>灰色：土日・祝日・休業日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="371"/>
        <source>blue: today</source>
        <translation>青：今日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="407"/>
        <location filename="../../ui/calendar/calendar_page.py" line="417"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="534"/>
        <source>%1 ALTs · %2 visits</source>
        <translation>ALT %1 名 · 訪問 %2 件</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="537"/>
        <source>No ALTs yet. Fill in the import template (File › Import spreadsheets…) or add schools, ALTs and placements under their sections; then Schedule › Generate visits.</source>
        <translation>ALTがまだ登録されていません。取り込み用テンプレートに記入して取り込む（ファイル › 表の取り込み…）か、学校・ALT・配置をそれぞれの画面で追加してから、予定 › 訪問の生成 を実行してください。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="542"/>
        <source>No ALTs match. Add ALTs and placements, or clear the filters.</source>
        <translation>該当するALTがいません。ALTと配置を登録するか、絞り込みを解除してください。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="740"/>
        <source>New visit…</source>
        <translation>訪問を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="743"/>
        <source>Edit %1…</source>
        <translation>%1 を編集…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="745"/>
        <source>Cancel %1…</source>
        <translation>%1 を中止…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="764"/>
        <location filename="../../ui/calendar/calendar_page.py" line="776"/>
        <source>New visit</source>
        <translation>訪問の追加</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="764"/>
        <source>Add an ALT and a school first.</source>
        <translation>先にALTと学校を登録してください。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="839"/>
        <source>Edit visit</source>
        <translation>訪問の編集</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="861"/>
        <source>%1 at %2, %3</source>
        <translation>%1・%2・%3</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="873"/>
        <source>Cancel visit</source>
        <translation>訪問の中止</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="942"/>
        <source>Move visit to %1</source>
        <translation>訪問を %1 に移動</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_page.py" line="994"/>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
</context>
<context>
    <name>CancelVisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/cancel_visit_dialog.py" line="27"/>
        <source>Cancel visit</source>
        <translation>訪問の中止</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_visit_dialog.py" line="37"/>
        <source>e.g. influenza class closure (学級閉鎖)</source>
        <translation>例：インフルエンザによる学級閉鎖</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_visit_dialog.py" line="39"/>
        <source>Reason:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_visit_dialog.py" line="40"/>
        <source>Note:</source>
        <translation>備考:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_visit_dialog.py" line="41"/>
        <source>The month&apos;s actuals count cancelled visits by reason.</source>
        <translation>月次実績では、中止した訪問を理由ごとに集計します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_visit_dialog.py" line="44"/>
        <source>Cancel the visit</source>
        <translation>訪問を中止する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_visit_dialog.py" line="47"/>
        <source>Keep it</source>
        <translation>中止しない</translation>
    </message>
</context>
<context>
    <name>ChangeModel</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="227"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="227"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="241"/>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="241"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="241"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="242"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="242"/>
        <source>Fields changed</source>
        <translation>変更された項目</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="80"/>
        <source>Double-click to see the list behind the chart.</source>
        <translation>ダブルクリックでグラフの元になった一覧を表示します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="103"/>
        <source>List…</source>
        <translation>一覧…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="103"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="103"/>
        <source>Save PNG…</source>
        <translation>PNG で保存…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="104"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="146"/>
        <source>Save the chart</source>
        <translation>グラフを保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="147"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
</context>
<context>
    <name>ChartListDialog</name>
    <message>
        <location filename="../../ui/dialogs/overview_list.py" line="55"/>
        <source>&amp;Copy the list</source>
        <translation>一覧をコピー(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="132"/>
        <source>Step 1 of 3: check the month</source>
        <translation>手順 1/3：月の確認</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="133"/>
        <source>Errors, visits of an absent ALT without a substitute and diets to review block sending; warnings do not. Fix them, then check again.</source>
        <translation>エラー、代替ALT未手配の不在ALTの訪問、要確認の食事制限があると送付できません（警告は送付できます）。直してから、もう一度確認してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="135"/>
        <source>Month:</source>
        <translation>対象月：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="136"/>
        <source>Check again</source>
        <translation>再確認</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="137"/>
        <source>Show the day on the board</source>
        <translation>配置表でその日を表示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="138"/>
        <source>Open the list</source>
        <translation>一覧を開く</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="139"/>
        <source>What</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="139"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="139"/>
        <source>Problem</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="179"/>
        <source>%1 problem(s) block sending this month; %2 warning(s).</source>
        <translation>この月の送付を止める問題が %1 件あります（警告 %2 件）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="182"/>
        <source>Nothing blocks sending this month; %1 warning(s) below.</source>
        <translation>この月は送付できます（下に警告 %1 件）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="185"/>
        <source>Nothing blocks sending this month.</source>
        <translation>この月は送付できます。</translation>
    </message>
</context>
<context>
    <name>ClosedMonth</name>
    <message>
        <location filename="../../ui/dialogs/closed_month.py" line="27"/>
        <source>Change a closed month</source>
        <translation>締め済みの月の変更</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/closed_month.py" line="30"/>
        <source>%1 is closed: its actuals went to head office. Say why it must change; the change is kept with your reason and shows as a correction on the next actuals.</source>
        <translation>%1 は締め済みです（実績報告済み）。変更が必要な理由を入力してください。変更は理由とともに記録され、次回の実績報告に訂正として記載されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/closed_month.py" line="36"/>
        <source>e.g. the school phoned: the visit did not happen</source>
        <translation>例：学校から電話があり、訪問は実施されなかった</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/closed_month.py" line="38"/>
        <source>Change it</source>
        <translation>変更する</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="456"/>
        <source>Confirm the import</source>
        <translation>取り込みの確認</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="457"/>
        <source>These records will be created or updated.</source>
        <translation>次のデータが新規登録または更新されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="458"/>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="459"/>
        <source>Everything is written in one step. If anything goes wrong, nothing is changed.</source>
        <translation>すべてを一度に書き込みます。途中で問題があれば、何も変更されません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="460"/>
        <source>Records to create or update</source>
        <translation>新規登録・更新するデータ</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="315"/>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="318"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="320"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="321"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="322"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="325"/>
        <source>What is wrong</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="330"/>
        <location filename="../../ui/pages/conflicts_page.py" line="545"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="330"/>
        <location filename="../../ui/pages/conflicts_page.py" line="546"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="389"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="475"/>
        <source>Not checked yet.</source>
        <translation>まだ確認していません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="481"/>
        <source>No conflicts from %1.</source>
        <translation>%1 に問題はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="483"/>
        <source>%1 of %2 conflicts shown (errors: %3, warnings: %4), %5.</source>
        <translation>%2 件中 %1 件を表示（エラー %3 件、警告 %4 件）、%5。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="509"/>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="510"/>
        <source>This month and next</source>
        <translation>今月と来月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="510"/>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="510"/>
        <source>Next month</source>
        <translation>来月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="511"/>
        <source>This fiscal year</source>
        <translation>今年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="511"/>
        <source>Custom</source>
        <translation>指定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="513"/>
        <source>&amp;From:</source>
        <translation>開始(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="514"/>
        <source>&amp;To:</source>
        <translation>終了(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="517"/>
        <source>First day to check</source>
        <translation>確認する最初の日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="518"/>
        <source>Last day to check</source>
        <translation>確認する最後の日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="519"/>
        <source>Period to check</source>
        <translation>確認する期間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="520"/>
        <source>Check &amp;again</source>
        <translation>再確認(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="521"/>
        <source>Check the period again (F5)</source>
        <translation>期間をもう一度確認（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="522"/>
        <source>&amp;Severity:</source>
        <translation>重要度(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="523"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="526"/>
        <source>Filter by severity</source>
        <translation>重要度で絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="527"/>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="528"/>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="531"/>
        <source>Filter by kind</source>
        <translation>種類で絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="532"/>
        <source>A&amp;LT:</source>
        <translation>ALT(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="533"/>
        <source>All ALTs</source>
        <translation>すべてのALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="534"/>
        <source>Filter by ALT</source>
        <translation>ALTで絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="535"/>
        <source>Sc&amp;hool:</source>
        <translation>学校(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="536"/>
        <source>All schools</source>
        <translation>すべての学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="537"/>
        <source>Filter by school</source>
        <translation>学校で絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="538"/>
        <source>Search in the messages, codes and names…</source>
        <translation>内容・コード・名前で検索…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="539"/>
        <source>Search conflicts</source>
        <translation>問題を検索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="540"/>
        <source>Show all</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="541"/>
        <source>Clear the filters</source>
        <translation>絞り込みを解除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="542"/>
        <source>Error: must be fixed before the schedule goes out</source>
        <translation>エラー：予定表を送る前に必ず直してください</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="543"/>
        <source>Warning: check it; it may be intended</source>
        <translation>警告：確認してください（意図どおりの場合もあります）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="544"/>
        <source>Double-click a row or press Enter to open that day.</source>
        <translation>行をダブルクリックするかEnterキーで、その日を開きます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="547"/>
        <source>Conflicts</source>
        <translation>問題一覧</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="548"/>
        <source>The selected conflict</source>
        <translation>選択した問題</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="549"/>
        <source>&amp;Open day</source>
        <translation>この日を開く(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="550"/>
        <source>Show this day in the calendar</source>
        <translation>カレンダーでこの日を表示</translation>
    </message>
</context>
<context>
    <name>ContentsPage</name>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="231"/>
        <source>Step 2 of 3: what will go out</source>
        <translation>手順 2/3：送付する内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="232"/>
        <source>Each school gets its visit schedule (訪問予定表) and lunch order sheet (給食注文票); a re-issue lists its changes (変更箇所). Each ALT gets their month and a calendar.</source>
        <translation>各学校に訪問予定表と給食注文票を送ります。再発行には変更箇所が載ります。各ALTには月間予定表とカレンダーを送ります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="234"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="234"/>
        <source>Board of education</source>
        <translation>教育委員会</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="235"/>
        <source>Schedule and order sheet</source>
        <translation>予定表・注文票</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="235"/>
        <source>Changes (変更箇所)</source>
        <translation>変更箇所</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="236"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="236"/>
        <source>Visits</source>
        <translation>訪問数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="236"/>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="237"/>
        <source>ALTs:</source>
        <translation>ALT：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="238"/>
        <source>Save in:</source>
        <translation>保存先：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="239"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="242"/>
        <source>Save the month in</source>
        <translation>月の書類の保存先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="259"/>
        <source>%1 school(s) (%2 re-issued), %3 ALT(s); %4 print file(s), one per board of education, in school order; %5 file(s) in all.</source>
        <translation>学校 %1 校（うち再発行 %2 校）、ALT %3 名。教育委員会ごとに学校順の印刷用ファイル %4 件、合計 %5 件のファイル。</translation>
    </message>
</context>
<context>
    <name>CoordinatorDialog</name>
    <message>
        <location filename="../../ui/dialogs/coordinator.py" line="29"/>
        <source>Who is working?</source>
        <translation>担当者の確認</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/coordinator.py" line="34"/>
        <source>Ask every time ALTdesk starts</source>
        <translation>ALTdesk の起動時に毎回確認する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/coordinator.py" line="37"/>
        <source>Every change and export is recorded in the audit log with this name.</source>
        <translation>すべての変更と書き出しは、この名前で操作記録に残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/coordinator.py" line="42"/>
        <source>Coordinator:</source>
        <translation>担当者:</translation>
    </message>
</context>
<context>
    <name>DateListEditor</name>
    <message>
        <location filename="../../ui/dialogs/date_list_editor.py" line="57"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/date_list_editor.py" line="58"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/date_list_editor.py" line="59"/>
        <source>Date to add</source>
        <translation>追加する日付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/date_list_editor.py" line="60"/>
        <source>Add the date</source>
        <translation>この日付を追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/date_list_editor.py" line="61"/>
        <source>Remove the selected date</source>
        <translation>選択した日付を削除</translation>
    </message>
</context>
<context>
    <name>DayOffDialog</name>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="79"/>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="80"/>
        <source>&amp;Board of education:</source>
        <translation>教育委員会(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="81"/>
        <source>&amp;School:</source>
        <translation>学校(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="82"/>
        <source>&amp;From:</source>
        <translation>開始日(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="83"/>
        <source>&amp;To:</source>
        <translation>終了日(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="84"/>
        <source>&amp;Name (Japanese):</source>
        <translation>名称・日本語(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="85"/>
        <source>Name (&amp;English):</source>
        <translation>名称・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="90"/>
        <source>e.g. 夏季休業, 学校閉庁日, 開校記念日</source>
        <translation>例：夏季休業、学校閉庁日、開校記念日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="91"/>
        <source>Type a code or part of the name</source>
        <translation>コードか名前の一部を入力</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/day_off_dialog.py" line="142"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日間</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="148"/>
        <source>New day off</source>
        <translation>休日の新規登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/day_off_dialog.py" line="150"/>
        <source>Day off – %1</source>
        <translation>休日 – %1</translation>
    </message>
</context>
<context>
    <name>DemandEditor</name>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="95"/>
        <location filename="../../ui/dialogs/demand_editor.py" line="118"/>
        <source>ALT days</source>
        <translation>ALT日数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="95"/>
        <source>Per</source>
        <translation>単位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="95"/>
        <source>Weekdays</source>
        <translation>曜日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="95"/>
        <source>Classes</source>
        <translation>授業数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="95"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="96"/>
        <source>Until</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="96"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="97"/>
        <source>School demand</source>
        <translation>学校の需要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="98"/>
        <source>Add demand ro&amp;w</source>
        <translation>需要の行を追加(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="99"/>
        <source>Remove demand row</source>
        <translation>需要の行を削除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="100"/>
        <source>Add demand</source>
        <translation>需要を追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="101"/>
        <source>Remove demand</source>
        <translation>需要を削除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="108"/>
        <source>week</source>
        <translation>毎週</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="109"/>
        <source>fortnight</source>
        <translation>隔週</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="115"/>
        <source>Classes per day</source>
        <translation>1日の授業数</translation>
    </message>
</context>
<context>
    <name>EndPlacementDialog</name>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="386"/>
        <source>End the placement</source>
        <translation>配置の終了</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="387"/>
        <source>This placement already has visits, which stay as the record of what happened. End it instead: choose its last day. Its planned visits after that day are removed.</source>
        <translation>この配置にはすでに訪問の実績があり、記録として残ります。削除せずに終了日を選んで配置を終えてください。その日より後の予定の訪問は削除されます。</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="395"/>
        <source>Last day</source>
        <translation>最終日</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="397"/>
        <source>End placement</source>
        <translation>配置を終了</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="401"/>
        <source>&amp;Last day:</source>
        <translation>最終日(&amp;L):</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="192"/>
        <source>Edit School Event</source>
        <translation>学校行事の編集</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="192"/>
        <source>Record School Event</source>
        <translation>学校行事の登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="193"/>
        <source>&amp;School:</source>
        <translation>学校(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="193"/>
        <source>&amp;Day:</source>
        <translation>日付(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="193"/>
        <source>Name (&amp;Japanese):</source>
        <translation>行事名・日本語(&amp;J):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="194"/>
        <source>Name (&amp;English):</source>
        <translation>行事名・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="194"/>
        <source>&amp;Time:</source>
        <translation>時間(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="195"/>
        <source>&amp;Compensatory day off:</source>
        <translation>振替休日(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="195"/>
        <source>&amp;Attending ALTs:</source>
        <translation>参加ALT(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="198"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="199"/>
        <source>School holding the event</source>
        <translation>行事を行う学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="200"/>
        <source>Day of the event</source>
        <translation>行事の日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="201"/>
        <source>Event name in Japanese</source>
        <translation>日本語の行事名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="203"/>
        <source>Event name in English</source>
        <translation>英語の行事名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="204"/>
        <source>Sports Day</source>
        <translation>例：Sports Day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="205"/>
        <source>Start time</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="206"/>
        <source>End time</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="207"/>
        <source>Compensatory day off of the attending ALTs</source>
        <translation>参加ALTの振替休日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="208"/>
        <source>Next School &amp;Day</source>
        <translation>次の授業日(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="209"/>
        <source>Use the school&apos;s next school day after the event</source>
        <translation>行事の後の、学校の次の授業日にする</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="210"/>
        <source>Filter by code or name…</source>
        <translation>コードまたは名前で絞り込み…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="211"/>
        <source>Filter the ALTs</source>
        <translation>ALTを絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="212"/>
        <source>Attending ALTs</source>
        <translation>参加ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="213"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="214"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="266"/>
        <source>(placed at this school)</source>
        <translation>（この学校に配置）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="287"/>
        <source>Attending: %1</source>
        <translation>参加：%1 人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="327"/>
        <source>The school&apos;s next school day after the event: %1</source>
        <translation>行事の後の次の授業日：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="83"/>
        <source>Export reports</source>
        <translation>帳票の書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="103"/>
        <source>Only those ticked below</source>
        <translation>下でチェックしたものだけ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="111"/>
        <source>Filter by code or name</source>
        <translation>コードまたは名前で絞り込み</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="128"/>
        <source>Branch setting</source>
        <translation>支店の設定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="129"/>
        <source>Western year (2026年)</source>
        <translation>西暦（2026年）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="130"/>
        <source>Japanese era (令和8年)</source>
        <translation>和暦（令和8年）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="131"/>
        <source>One combined file instead of one file each</source>
        <translation>1件ずつではなく1つのファイルにまとめる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="136"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="144"/>
        <source>Pre&amp;view</source>
        <translation>プレビュー(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="146"/>
        <source>&amp;Export</source>
        <translation>書き出し(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="149"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="157"/>
        <source>Report:</source>
        <translation>帳票:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="158"/>
        <source>Month:</source>
        <translation>月:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="161"/>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="162"/>
        <source>Year style:</source>
        <translation>年の表記:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="165"/>
        <source>Save in folder:</source>
        <translation>保存先フォルダー:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="197"/>
        <source>Schools:</source>
        <translation>学校:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="198"/>
        <source>All schools with visits</source>
        <translation>訪問のあるすべての学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="200"/>
        <source>ALTs:</source>
        <translation>ALT:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="201"/>
        <source>All ALTs with visits</source>
        <translation>訪問のあるすべてのALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="264"/>
        <source>Tick at least one, or choose all.</source>
        <translation>1つ以上チェックするか、「すべて」を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="284"/>
        <source>Save reports in</source>
        <translation>帳票の保存先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="303"/>
        <source>The folder cannot be created: %1</source>
        <translation>フォルダーを作成できません：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="306"/>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="308"/>
        <location filename="../../ui/dialogs/export_dialog.py" line="370"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="308"/>
        <source>Writing the reports…</source>
        <translation>帳票を書き出しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="316"/>
        <source>Preparing the preview…</source>
        <translation>プレビューを準備しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="318"/>
        <location filename="../../ui/dialogs/export_dialog.py" line="339"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="318"/>
        <source>Drawing the pages…</source>
        <translation>ページを描画しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="333"/>
        <source>Export finished</source>
        <translation>書き出し完了</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="336"/>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="59"/>
        <source>you may not write in that place</source>
        <translation>その場所には書き込む権限がありません</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="61"/>
        <source>a file of that name is in the way</source>
        <translation>同じ名前のファイルがあります</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="62"/>
        <source>the system refused it; choose another folder</source>
        <translation>システムに拒否されました。別のフォルダーを選んでください</translation>
    </message>
</context>
<context>
    <name>FaultDialog</name>
    <message>
        <location filename="../../ui/dialogs/fault_dialog.py" line="88"/>
        <source>ALTdesk: something went wrong</source>
        <translation>ALTdesk：問題が発生しました</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fault_dialog.py" line="89"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fault_dialog.py" line="90"/>
        <source>Copy the version and the technical details, to send with the log</source>
        <translation>バージョンと技術的な詳細をコピーします（ログと一緒に送ってください）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fault_dialog.py" line="91"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/fault_dialog.py" line="93"/>
        <source>It failed %n more time(s) while this message was open.</source>
        <translation>
            <numerusform>このメッセージの表示中に、さらに %n 回失敗しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fault_dialog.py" line="104"/>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="173"/>
        <source>Choose the files to import</source>
        <translation>取り込むファイルの選択</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="174"/>
        <source>Excel workbooks (.xlsx) or CSV files with sheets of schools, ALTs, placements, closures or events. You can also drop files here.</source>
        <translation>学校・ALT・配置・休業日・行事のシートを含む Excel ブック（.xlsx）または CSV ファイル。ここにファイルをドロップすることもできます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="176"/>
        <source>&amp;Add files…</source>
        <translation>ファイルを追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="177"/>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="178"/>
        <source>Save an empty &amp;template…</source>
        <translation>空のテンプレートを保存(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="179"/>
        <source>A workbook with the right sheets and headers, and explanations.</source>
        <translation>必要なシートと見出し、説明が入ったブックです。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="180"/>
        <source>The files hold:</source>
        <translation>ファイルの内容:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="181"/>
        <source>Found from sheet names and headers</source>
        <translation>シート名と見出しから判定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="184"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="214"/>
        <source>Files to import</source>
        <translation>取り込むファイル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="215"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)</source>
        <translation>表計算ファイル (*.xlsx *.xlsm *.csv *.txt *.tsv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="224"/>
        <source>Save the import template</source>
        <translation>取り込み用テンプレートの保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="225"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="235"/>
        <source>Writing the template…</source>
        <translation>テンプレートを書き出しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="240"/>
        <source>Template saved: %1</source>
        <translation>テンプレートを保存しました：%1</translation>
    </message>
</context>
<context>
    <name>HolidayOverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="59"/>
        <source>&amp;Date:</source>
        <translation>日付(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="60"/>
        <source>National holiday:</source>
        <translation>国民の祝日:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="61"/>
        <source>This day is:</source>
        <translation>この日の扱い:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="62"/>
        <source>&amp;Name (Japanese):</source>
        <translation>名称・日本語(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="63"/>
        <source>Name (&amp;English):</source>
        <translation>名称・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="66"/>
        <source>A &amp;working day: schools are open</source>
        <translation>出勤日(&amp;W)：学校は授業あり</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="67"/>
        <source>A &amp;holiday: no visits</source>
        <translation>休日(&amp;H)：訪問なし</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="70"/>
        <source>e.g. 授業日 (why it is worked)</source>
        <translation>例：授業日（出勤する理由）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="97"/>
        <source>— (an ordinary day)</source>
        <translation>—（平日）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="105"/>
        <source>Holiday override</source>
        <translation>祝日の変更</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/holiday_override_dialog.py" line="106"/>
        <source>Holiday override – %1</source>
        <translation>祝日の変更 – %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="639"/>
        <source>Import spreadsheets</source>
        <translation>表計算ファイルの取り込み</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="248"/>
        <source>Boards of education</source>
        <translation>教育委員会</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="248"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="248"/>
        <source>ALTs</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="249"/>
        <source>Placements</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="249"/>
        <source>Closures</source>
        <translation>休業日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="249"/>
        <source>Events</source>
        <translation>行事</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="250"/>
        <source>Absences</source>
        <translation>不在</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="251"/>
        <source>Branch</source>
        <translation>支店</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="252"/>
        <source>School demand</source>
        <translation>学校の需要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="253"/>
        <source>Travel times</source>
        <translation>移動時間</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="262"/>
        <source>%1: %2 created, %3 updated, %4 left alone</source>
        <translation>%1：新規 %2 件、更新 %3 件、変更なし %4 件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="264"/>
        <source>%1: %2 to create, %3 to update, %4 left alone</source>
        <translation>%1：新規 %2 件、更新 %3 件、変更なし %4 件の予定</translation>
    </message>
</context>
<context>
    <name>LunchPage</name>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="196"/>
        <location filename="../../ui/pages/lunch_page.py" line="227"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="197"/>
        <location filename="../../ui/pages/lunch_page.py" line="251"/>
        <location filename="../../ui/pages/lunch_page.py" line="267"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="200"/>
        <source>Serves</source>
        <translation>給食</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="202"/>
        <source>Unit price</source>
        <translation>単価</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="204"/>
        <source>ALTs</source>
        <translation>ALT数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="206"/>
        <location filename="../../ui/pages/lunch_page.py" line="235"/>
        <source>Meals</source>
        <translation>食数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="208"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="210"/>
        <location filename="../../ui/pages/lunch_page.py" line="239"/>
        <source>Lunch days</source>
        <translation>給食の日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="211"/>
        <source>Last sheet</source>
        <translation>最終発行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="212"/>
        <source>No. %1, %2</source>
        <translation>第%1号 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="213"/>
        <source>Not issued</source>
        <translation>未発行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="215"/>
        <source>Send by</source>
        <translation>送付期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="217"/>
        <source>The month&apos;s order sheet must reach the school by then: the notice deadline of its first lunch day.</source>
        <translation>この日時までに月の給食注文票を学校へ届けてください（その月の最初の給食日の連絡期限）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="219"/>
        <source>Not notified</source>
        <translation>未連絡</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="221"/>
        <source>Notice rule</source>
        <translation>連絡の締切</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="228"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="233"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="237"/>
        <source>Fees</source>
        <translation>給食費</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="247"/>
        <location filename="../../ui/pages/lunch_page.py" line="270"/>
        <source>Deadline</source>
        <translation>締切</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="249"/>
        <location filename="../../ui/pages/lunch_page.py" line="272"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="252"/>
        <source>For lunch on</source>
        <translation>対象の給食日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="253"/>
        <source>Changes to send</source>
        <translation>未連絡の変更</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="259"/>
        <source>Missed: tell the school</source>
        <translation>締切超過：学校に連絡</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="260"/>
        <source>Send the changes</source>
        <translation>変更を連絡</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="260"/>
        <source>Told</source>
        <translation>連絡済み</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="264"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="265"/>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="266"/>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="266"/>
        <source>Cancelled</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="268"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="269"/>
        <source>Meal</source>
        <translation>食事</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="273"/>
        <source>Late</source>
        <translation>締切後</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="273"/>
        <source>In time</source>
        <translation>締切前</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="354"/>
        <source>%1 meals, %2, at %3 schools</source>
        <translation>%1 食・%2・%3 校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="357"/>
        <source>%1 changes not yet notified</source>
        <translation>未連絡の変更 %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="359"/>
        <source>%1 past the deadline</source>
        <translation>締切超過 %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="364"/>
        <source>Changes not notified (%1)</source>
        <translation>未連絡の変更（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="374"/>
        <source>Folder for the order sheets</source>
        <translation>教職員給食注文票の保存先フォルダー</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="395"/>
        <source>Writing the order sheets…</source>
        <translation>教職員給食注文票を書き出しています…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="400"/>
        <source>Writing the order sheets… %1 of %2</source>
        <translation>教職員給食注文票を書き出しています… %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="433"/>
        <location filename="../../ui/pages/lunch_page.py" line="435"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="436"/>
        <source>◀ Previous</source>
        <translation>◀ 前月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="437"/>
        <source>Previous month</source>
        <translation>前月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="438"/>
        <source>Next ▶</source>
        <translation>翌月 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="439"/>
        <source>Next month</source>
        <translation>翌月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="440"/>
        <source>Issue order sheets…</source>
        <translation>教職員給食注文票を発行…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="441"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="442"/>
        <source>Write the month&apos;s lunch order sheets (PDF) for the selected schools, or for every school when none is selected, and record them as sent.</source>
        <translation>選択した学校（選択がなければ全校）の当月の教職員給食注文票（PDF）を書き出し、発行済みとして記録します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="444"/>
        <source>By school</source>
        <translation>学校別</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="444"/>
        <source>By ALT</source>
        <translation>ALT別</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="444"/>
        <source>Deadlines coming up</source>
        <translation>近づく締切</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="445"/>
        <source>Changes not notified</source>
        <translation>未連絡の変更</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="229"/>
        <source>Diet</source>
        <translation>食事</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="243"/>
        <source>To review (own lunch)</source>
        <translation>要確認（弁当持参）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/lunch_page.py" line="230"/>
        <source>The diet notes or other allergens are free text the lunch rules cannot read: own lunch until a coordinator reviews them in the ALT editor.</source>
        <translation>食事のメモ・その他のアレルゲンは規則で判定できないため、ALT の編集画面で確認するまで弁当持参です。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <location filename="../../ui/main_window.py" line="494"/>
        <location filename="../../ui/main_window.py" line="522"/>
        <source>ALTdesk</source>
        <translation>ALTdesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Sections</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>&amp;Export reports…</source>
        <translation>帳票の書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>&amp;Import spreadsheets…</source>
        <translation>表計算ファイルの取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>&amp;New visit…</source>
        <translation>訪問を追加(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;Schedule</source>
        <translation>予定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>&amp;Generate visits…</source>
        <translation>訪問予定を生成(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>April &amp;rollover…</source>
        <translation>4月の年度更新(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>Record &amp;Absence…</source>
        <translation>不在を登録(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>Find &amp;Substitutes…</source>
        <translation>代替ALTを探す(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Record School &amp;Event…</source>
        <translation>学校行事を登録(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Check &amp;Conflicts</source>
        <translation>問題を確認(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Se&amp;ttings</source>
        <translation>設定(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>&amp;Branch…</source>
        <translation>支店(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="435"/>
        <location filename="../../ui/main_window.py" line="446"/>
        <source>Generate visits</source>
        <translation>訪問予定の生成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436"/>
        <source>Generate the visits of fiscal year (April–March), keeping visits edited by hand:</source>
        <translation>訪問予定を生成する年度（4月〜3月）。手作業で編集した訪問はそのまま残ります:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="446"/>
        <source>Generating visits from %1 to %2…</source>
        <translation>%1 から %2 までの訪問予定を生成しています…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="456"/>
        <source>Generation cancelled; nothing was changed.</source>
        <translation>生成を中止しました。何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459"/>
        <source>Visits generated: %1 created, %2 updated, %3 removed, %4 kept as edited by hand.</source>
        <translation>訪問予定を生成しました：新規 %1 件、更新 %2 件、削除 %3 件、手作業の編集を保持 %4 件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <location filename="../../ui/main_window.py" line="475"/>
        <location filename="../../ui/main_window.py" line="486"/>
        <source>April rollover</source>
        <translation>4月の年度更新</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="467"/>
        <source>Copy this year&apos;s placements, breaks and closures into fiscal year:</source>
        <translation>今年度の配置・長期休業・閉庁日をコピーする先の年度:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="475"/>
        <source>Copying placements and generating visits…</source>
        <translation>配置をコピーし、訪問予定を生成しています…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487"/>
        <source>Fiscal year %1: %2 placements copied, %3 breaks and closures copied (check their dates), %4 visits generated.</source>
        <translation>%1年度：配置 %2 件、長期休業・閉庁日 %3 件をコピーしました（日付を確認してください）。訪問予定 %4 件を生成しました。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="523"/>
        <source>Visits are still being generated. Stop now and close? Nothing of the unfinished job is saved; run it again later.</source>
        <translation>訪問予定の生成がまだ実行中です。中止して閉じますか？途中までの処理は保存されません。後でもう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526"/>
        <source>Stop and close</source>
        <translation>中止して閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="528"/>
        <source>Keep working</source>
        <translation>作業を続ける</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="12"/>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="13"/>
        <source>ALTs</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="14"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="15"/>
        <source>Placements</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="16"/>
        <source>Planner</source>
        <translation>配置計画</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="17"/>
        <source>Lunch</source>
        <translation>給食</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="18"/>
        <source>Reports</source>
        <translation>帳票</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="19"/>
        <source>Absences</source>
        <translation>不在・行事</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="20"/>
        <source>Conflicts</source>
        <translation>問題一覧</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="21"/>
        <source>Days off</source>
        <translation>休日設定</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="22"/>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="23"/>
        <source>Audit log</source>
        <translation>操作記録</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="482"/>
        <source>April rollover cancelled.</source>
        <translation>4月の年度更新を中止しました。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>Send &amp;next month…</source>
        <translation>翌月分を送付(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>MonthClosing</name>
    <message>
        <location filename="../../ui/pages/month_closing.py" line="79"/>
        <source>Month actuals and closing</source>
        <translation>月次実績と締め</translation>
    </message>
    <message>
        <location filename="../../ui/pages/month_closing.py" line="83"/>
        <source>Actuals report…</source>
        <translation>実績報告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/month_closing.py" line="84"/>
        <source>Close month…</source>
        <translation>月を締める…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/month_closing.py" line="85"/>
        <source>Reopen…</source>
        <translation>締めを解除…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/month_closing.py" line="107"/>
        <source>Open: its visits, absences and events can be changed freely.</source>
        <translation>未締め：訪問・不在・行事は自由に変更できます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/month_closing.py" line="111"/>
        <source>Closed on %1 by %2: a change needs a reason and shows as a correction on the next actuals.</source>
        <translation>%1 に %2 が締めました。変更には理由が必要で、次回の実績報告に訂正として記載されます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/month_closing.py" line="119"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../ui/pages/month_closing.py" line="126"/>
        <source>Close %1? Do this once its actuals went to head office: from then on a change to it needs a reason.</source>
        <translation>%1 を締めますか？実績を本社に報告した後に行ってください。以後の変更には理由が必要になります。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/month_closing.py" line="132"/>
        <source>Reopen %1? Its changes will no longer need a reason; the corrections made so far stay listed.</source>
        <translation>%1 の締めを解除しますか？以後の変更に理由は不要になります。これまでの訂正の記録は残ります。</translation>
    </message>
</context>
<context>
    <name>MonthWeek</name>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="143"/>
        <source>… and %1 more</source>
        <translation>…ほか %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="210"/>
        <source>+%1 more</source>
        <translation>他 %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="294"/>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="294"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="294"/>
        <source>Periods</source>
        <translation>校時</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="294"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="295"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="295"/>
        <source>Lunch</source>
        <translation>昼食</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="295"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="301"/>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="302"/>
        <source>Confirmed</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="303"/>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/month_week_models.py" line="304"/>
        <source>Covered by substitute</source>
        <translation>代替ALTが担当</translation>
    </message>
</context>
<context>
    <name>MoveConfirm</name>
    <message>
        <location filename="../../ui/calendar/move_confirm.py" line="60"/>
        <source>Error:</source>
        <translation>エラー：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/move_confirm.py" line="61"/>
        <source>Warning:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/move_confirm.py" line="65"/>
        <source>… and %1 more</source>
        <translation>…ほか %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/move_confirm.py" line="70"/>
        <source>This change causes conflicts</source>
        <translation>この変更で問題が発生します</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/move_confirm.py" line="71"/>
        <source>This change would cause:</source>
        <translation>この変更で次の問題が発生します：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/move_confirm.py" line="72"/>
        <source>Make the change anyway?</source>
        <translation>それでも変更しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/move_confirm.py" line="74"/>
        <source>Make the change</source>
        <translation>変更する</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/move_confirm.py" line="76"/>
        <source>Do not save</source>
        <translation>保存しない</translation>
    </message>
</context>
<context>
    <name>NoticeRuleEditor</name>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="79"/>
        <source>School days before</source>
        <translation>登校日前まで</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="80"/>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="88"/>
        <source>Day of the previous month</source>
        <translation>前月の指定日まで</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="80"/>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="127"/>
        <source>Other rule (kept)</source>
        <translation>その他の規則（そのまま保持）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="83"/>
        <source>Lunch notice rule</source>
        <translation>給食連絡の締切</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="84"/>
        <source> school days before</source>
        <translation> 登校日前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="85"/>
        <source>School days before the visit</source>
        <translation>訪問日の何登校日前か</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="86"/>
        <source>day </source>
        <translation>前月</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="89"/>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="90"/>
        <source>by</source>
        <translation>締切</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="91"/>
        <location filename="../../ui/dialogs/notice_rule_editor.py" line="92"/>
        <source>Deadline time</source>
        <translation>締切時刻</translation>
    </message>
</context>
<context>
    <name>OpenProblem</name>
    <message>
        <location filename="../../ui/dialogs/open_problems.py" line="20"/>
        <source>Database from a newer ALTdesk</source>
        <translation>新しい ALTdesk のデータベース</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/open_problems.py" line="21"/>
        <source>Your data is safe: this ALTdesk has not changed the file. Install the newest ALTdesk on this PC to open it.</source>
        <translation>データは無事です。この ALTdesk はファイルを変更していません。開くには、このパソコンに最新の ALTdesk をインストールしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/open_problems.py" line="27"/>
        <source>Already open in another ALTdesk</source>
        <translation>ほかの ALTdesk で使用中</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/open_problems.py" line="28"/>
        <source>Only one ALTdesk at a time may work on a database file, so that no change is lost. If that ALTdesk has crashed, simply start again: its lock ends with it.</source>
        <translation>変更が失われないよう、1つのデータベースファイルを同時に使える ALTdesk は1つだけです。その ALTdesk が異常終了した場合は、起動し直せばロックは解除されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/open_problems.py" line="34"/>
        <source>Database on a network share</source>
        <translation>共有フォルダー上のデータベース</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/open_problems.py" line="37"/>
        <source>Cannot open the database</source>
        <translation>データベースを開けません</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../../ui/overview_charts.py" line="87"/>
        <source>Over</source>
        <translation>超過</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="98"/>
        <source>ALTs</source>
        <translation>ALT 数</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="102"/>
        <source>Busiest week, % of the limit</source>
        <translation>最も多い週の授業数（上限に対する %）</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="110"/>
        <source>%1 ALTs in %2, by their busiest week&apos;s classes against their weekly limit; %3 over it.</source>
        <translation>%2 の ALT %1 名を、最も授業の多い週のコマ数と週の上限で分類（上限超過 %3 名）。</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="122"/>
        <location filename="../../ui/overview_charts.py" line="203"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="123"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="126"/>
        <source>Busiest week</source>
        <translation>最多週のコマ数</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="133"/>
        <source>Limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="140"/>
        <source>Of the limit</source>
        <translation>上限比</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="147"/>
        <source>Week of</source>
        <translation>週（月曜）</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="153"/>
        <source>Band</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="167"/>
        <source>Behind</source>
        <translation>遅れ</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="168"/>
        <source>On pace</source>
        <translation>予定どおり</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="169"/>
        <source>Ahead</source>
        <translation>先行</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="170"/>
        <source>No contract</source>
        <translation>契約なし</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="183"/>
        <source>Schools</source>
        <translation>学校数</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="190"/>
        <source>Days delivered in FY%1 to %2 against the contract&apos;s days due by now (%3 of the year&apos;s school days are past; within 10% is on pace).</source>
        <translation>%1年度の %2 までの実施日数と、契約日数のうち現時点で実施すべき日数の比較（年間の訪問日の %3 が経過。差が 10% 以内なら予定どおり）。</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="206"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="211"/>
        <source>Contract (days/year)</source>
        <translation>契約（日／年）</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="218"/>
        <source>Due by now</source>
        <translation>現時点の予定日数</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="225"/>
        <source>Delivered</source>
        <translation>実施日数</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="232"/>
        <source>Short by</source>
        <translation>不足日数</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="239"/>
        <source>Pace</source>
        <translation>進み具合</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="253"/>
        <location filename="../../ui/overview_charts.py" line="300"/>
        <source>This branch</source>
        <translation>この支店</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="260"/>
        <location filename="../../ui/overview_charts.py" line="307"/>
        <source>Company</source>
        <translation>会社全体</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="268"/>
        <source>Share</source>
        <translation>割合</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="276"/>
        <source>FY%1&apos;s %2 placements by school level, beside the company&apos;s split.</source>
        <translation>%1年度の配置 %2 件の校種別割合（会社全体の割合と比較）。</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="288"/>
        <source>Level</source>
        <translation>校種</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="293"/>
        <source>Placements</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="329"/>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="334"/>
        <location filename="../../ui/overview_charts.py" line="387"/>
        <source>Substitute visits</source>
        <translation>代替訪問</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="354"/>
        <source>FY%1: %2 ALT days absent (weekdays) and %3 substitute visits, by month.</source>
        <translation>%1年度：ALT の不在 %2 日（平日）、代替訪問 %3 件（月別）。</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="365"/>
        <location filename="../../ui/overview_charts.py" line="432"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="380"/>
        <source>Days absent</source>
        <translation>不在日数</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="403"/>
        <source>Lunch fees</source>
        <translation>給食費</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="409"/>
        <source>Thousand yen</source>
        <translation>千円</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="418"/>
        <source>FY%1: %2 for %3 meals.</source>
        <translation>%1年度：%3 食で %2。</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="424"/>
        <source>%1 meals have no unit price.</source>
        <translation>単価未設定の食事が %1 食あります。</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="435"/>
        <source>School lunches</source>
        <translation>給食</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="442"/>
        <source>Milk</source>
        <translation>牛乳</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="449"/>
        <source>Fees</source>
        <translation>給食費</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="456"/>
        <source>No unit price</source>
        <translation>単価未設定</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="467"/>
        <source>Classes per week against the limit</source>
        <translation>週の授業数と上限</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="475"/>
        <source>Days delivered against the contract</source>
        <translation>契約日数に対する実施日数</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="483"/>
        <source>Placements by school level</source>
        <translation>校種別の配置</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="491"/>
        <source>Absences and substitutes per month</source>
        <translation>月別の不在と代替</translation>
    </message>
    <message>
        <location filename="../../ui/overview_charts.py" line="499"/>
        <source>Lunch fees per month</source>
        <translation>月別の給食費</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="246"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="247"/>
        <source>Month of the class load</source>
        <translation>授業数を見る月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="208"/>
        <location filename="../../ui/pages/overview_page.py" line="278"/>
        <source>Reading…</source>
        <translation>読み込み中…</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="32"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="42"/>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="44"/>
        <source>Fit &amp;width</source>
        <translation>幅に合わせる(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="45"/>
        <source>Whole &amp;page</source>
        <translation>ページ全体(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="46"/>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="47"/>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="48"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="78"/>
        <source>Preview — %1</source>
        <translation>プレビュー — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/pdf_preview.py" line="83"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="105"/>
        <location filename="../../ui/dialogs/pdf_preview.py" line="109"/>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="109"/>
        <source>The printer could not be started.</source>
        <translation>プリンターを開始できませんでした。</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="263"/>
        <location filename="../../ui/dialogs/placement_dialog.py" line="453"/>
        <source>Placement</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="265"/>
        <source>&amp;ALT:</source>
        <translation>ALT(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="266"/>
        <source>&amp;School:</source>
        <translation>学校(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="267"/>
        <source>&amp;From:</source>
        <translation>期間(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="268"/>
        <source>Repeats:</source>
        <translation>繰り返し:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="269"/>
        <source>On:</source>
        <translation>曜日:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="270"/>
        <source>&amp;Week:</source>
        <translation>週(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="271"/>
        <source>Which &amp;one:</source>
        <translation>第何週(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="272"/>
        <source>&amp;Rule (RRULE):</source>
        <translation>規則・RRULE(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="273"/>
        <source>&amp;Hours:</source>
        <translation>時間(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="274"/>
        <source>&amp;Periods:</source>
        <translation>校時(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="275"/>
        <source>&amp;Classes a day:</source>
        <translation>1日の授業数(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="276"/>
        <source>&amp;Lunch:</source>
        <translation>昼食(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="277"/>
        <source>&amp;Note:</source>
        <translation>備考(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="278"/>
        <source>Appl&amp;y changes from:</source>
        <translation>変更の適用開始日(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="281"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="282"/>
        <source>P&amp;inned: the planner keeps it as it is</source>
        <translation>固定（配置計画で変更しない）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="283"/>
        <source>A pinned placement is never moved or ended by the placement planner.</source>
        <translation>固定した配置は、配置計画で移動・終了されることはありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="285"/>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="286"/>
        <source>Ends at</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="287"/>
        <source>Starts at</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="288"/>
        <source>Every week</source>
        <translation>毎週</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="289"/>
        <source>Alternate weeks</source>
        <translation>隔週</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="290"/>
        <source>Monthly</source>
        <translation>毎月</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="291"/>
        <source>Other rule</source>
        <translation>その他の規則</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="297"/>
        <source>Visits on %1</source>
        <translation>%1曜日に訪問</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="298"/>
        <source>Week A</source>
        <translation>A週</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="299"/>
        <source>Week B</source>
        <translation>B週</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="300"/>
        <source>Week A holds 1 April, then every second week.</source>
        <translation>4月1日を含む週がA週で、以後1週おきです。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="302"/>
        <source>1st</source>
        <translation>第1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="302"/>
        <source>2nd</source>
        <translation>第2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="303"/>
        <source>3rd</source>
        <translation>第3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="303"/>
        <source>4th</source>
        <translation>第4</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="304"/>
        <source>5th</source>
        <translation>第5</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="304"/>
        <source>Last</source>
        <translation>最終</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="307"/>
        <source>e.g. 1-4</source>
        <translation>例：1-4</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="308"/>
        <source>From the school&apos;s policy and the ALT&apos;s diet</source>
        <translation>学校の方針とALTの食事から決める</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="311"/>
        <source>Visits before this day stay as they are; from this day on they follow the change.</source>
        <translation>この日より前の訪問はそのまま残り、この日以降の訪問に変更が反映されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="313"/>
        <location filename="../../ui/dialogs/placement_dialog.py" line="317"/>
        <source>Next dates</source>
        <translation>今後の日程</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="314"/>
        <source>S&amp;kip this date</source>
        <translation>この日を除外(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="315"/>
        <source>Add the selected date to the removed dates (or Delete in the list).</source>
        <translation>選択した日を「除外する日」に加えます（一覧で Del キーを押しても同じです）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="318"/>
        <source>Exceptions</source>
        <translation>例外</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="319"/>
        <source>Added &amp;dates:</source>
        <translation>追加する日(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="320"/>
        <source>R&amp;emoved dates:</source>
        <translation>除外する日(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="321"/>
        <source>Added dates</source>
        <translation>追加する日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="322"/>
        <source>Removed dates</source>
        <translation>除外する日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="440"/>
        <source>No dates: check the weekdays and the date range.</source>
        <translation>該当する日がありません。曜日と期間を確認してください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/placement_dialog.py" line="443"/>
        <location filename="../../ui/dialogs/placement_dialog.py" line="446"/>
        <source>%n visit(s).</source>
        <translation>
            <numerusform>訪問 %n 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/placement_dialog.py" line="444"/>
        <source>%n date(s) skipped: struck through, with the reason.</source>
        <translation>
            <numerusform>%n 日は対象外（取り消し線と理由を表示）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="446"/>
        <source>None skipped.</source>
        <translation>対象外の日はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/placement_dialog.py" line="453"/>
        <source>New placement</source>
        <translation>配置の新規登録</translation>
    </message>
</context>
<context>
    <name>PlacementPreviewModel</name>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="43"/>
        <source>Visit (added date)</source>
        <translation>訪問（追加した日）</translation>
    </message>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="43"/>
        <source>Visit</source>
        <translation>訪問</translation>
    </message>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="45"/>
        <source>Skipped: %1</source>
        <translation>対象外：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="66"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/models/placement_preview.py" line="66"/>
        <source>What happens</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>PlacementsModel</name>
    <message>
        <location filename="../../ui/models/placements.py" line="34"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="35"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="38"/>
        <source>Repeats</source>
        <translation>繰り返し</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="40"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="42"/>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="44"/>
        <source>Hours</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="47"/>
        <source>Periods</source>
        <translation>校時</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="48"/>
        <source>Classes</source>
        <translation>授業数</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="50"/>
        <source>Lunch</source>
        <translation>昼食</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="52"/>
        <source>Derived</source>
        <translation>自動判定</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="53"/>
        <source>Extra / removed</source>
        <translation>追加／除外</translation>
    </message>
    <message>
        <location filename="../../ui/models/placements.py" line="55"/>
        <source>%1 dates added, %2 dates removed</source>
        <translation>追加 %1 日、除外 %2 日</translation>
    </message>
</context>
<context>
    <name>PlacementsPage</name>
    <message>
        <location filename="../../ui/pages/placements_page.py" line="68"/>
        <source>Search by ALT, school, weekday…</source>
        <translation>ALT・学校・曜日で検索…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/placements_page.py" line="70"/>
        <source>Show ended placements</source>
        <translation>終了した配置も表示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/placements_page.py" line="71"/>
        <source>Placements whose end date has passed are hidden unless ticked.</source>
        <translation>チェックしないと、終了日を過ぎた配置は表示されません。</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <location filename="../../ui/planner_plot.py" line="55"/>
        <source>Met</source>
        <translation>充足</translation>
    </message>
    <message>
        <location filename="../../ui/planner_plot.py" line="56"/>
        <source>Unmet</source>
        <translation>未充足</translation>
    </message>
    <message>
        <location filename="../../ui/planner_plot.py" line="58"/>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <location filename="../../ui/planner_plot.py" line="64"/>
        <source>Minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../ui/planner_plot.py" line="70"/>
        <source>Classes</source>
        <translation>コマ数</translation>
    </message>
    <message>
        <location filename="../../ui/planner_plot.py" line="75"/>
        <source>Kept</source>
        <translation>継続</translation>
    </message>
    <message>
        <location filename="../../ui/planner_plot.py" line="76"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../ui/planner_plot.py" line="78"/>
        <source>Pairs</source>
        <translation>組</translation>
    </message>
</context>
<context>
    <name>PlannerPage</name>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="175"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="181"/>
        <source>An ALT leaves:</source>
        <translation>ALTの離任：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="187"/>
        <source>first day away</source>
        <translation>不在初日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="197"/>
        <source>Time limit</source>
        <translation>制限時間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="201"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="203"/>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="206"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="208"/>
        <source>End the search and keep the best plan found so far.</source>
        <translation>探索を終了し、これまでで最良の計画を残します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="216"/>
        <source>Choose what to plan, then Run.</source>
        <translation>計画の対象を選んで「実行」を押してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="243"/>
        <location filename="../../ui/pages/planner_page.py" line="262"/>
        <source>Demand met</source>
        <translation>需要の充足</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="243"/>
        <source>Travel in all</source>
        <translation>移動時間の合計</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="243"/>
        <location filename="../../ui/pages/planner_page.py" line="263"/>
        <source>Travel per ALT</source>
        <translation>ALTごとの移動時間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="244"/>
        <source>Load</source>
        <translation>担当コマ数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="244"/>
        <location filename="../../ui/pages/planner_page.py" line="267"/>
        <source>Continuity kept</source>
        <translation>継続性</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="244"/>
        <source>Gap</source>
        <translation>ギャップ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="262"/>
        <source>Days a fortnight met and unmet.</source>
        <translation>隔週あたりの充足日数と未充足日数。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="264"/>
        <source>One-way minutes a week of each ALT, the most first.</source>
        <translation>ALTごとの週の片道移動時間（分、長い順）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="265"/>
        <source>Load per ALT</source>
        <translation>ALTごとの担当コマ数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="266"/>
        <source>Classes a week of each ALT, the most first.</source>
        <translation>ALTごとの週のコマ数（多い順）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="268"/>
        <source>ALT–school pairs that taught together last year, and new ones.</source>
        <translation>前年度も同じ学校を担当したALTと学校の組、および新しい組。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="280"/>
        <source>● ALT home  ■ school (red: demand unmet)  — assignment (dashed: kept as it is)</source>
        <translation>● ALTの自宅&#x3000;■ 学校（赤：需要未充足）&#x3000;— 担当（破線：現状のまま）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="293"/>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="293"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="293"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="293"/>
        <source>Days</source>
        <translation>曜日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="293"/>
        <source>Dates</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="294"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="313"/>
        <source>Accept selected</source>
        <translation>選択分を適用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="315"/>
        <source>Make the changes of the schools ticked, in one step Undo takes back.</source>
        <translation>チェックした学校の変更を一度に適用します（「元に戻す」で一度に取り消せます）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="318"/>
        <source>Accept all</source>
        <translation>すべて適用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="424"/>
        <source>Planning…</source>
        <translation>計画中…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="434"/>
        <location filename="../../ui/pages/planner_page.py" line="451"/>
        <source>Stopping: keeping the best plan found so far…</source>
        <translation>停止中：これまでで最良の計画を残します…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="445"/>
        <source>%1 — %2 of %3 s</source>
        <translation>%1 — %2 / %3 秒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="448"/>
        <source>%1 — step %2 of %3, %4 s</source>
        <translation>%1 — ステップ %2／%3、%4 秒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="474"/>
        <source>Stopped after %1 s: this is the best plan found so far.</source>
        <translation>%1 秒で停止：これまでで最良の計画です。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="477"/>
        <source>Done in %1 s: no better plan exists.</source>
        <translation>%1 秒で終了：これより良い計画はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="479"/>
        <source>Done in %1 s (time limit reached): the best plan found.</source>
        <translation>%1 秒で終了（制限時間）：見つかった最良の計画です。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="511"/>
        <source>Planning failed.</source>
        <translation>計画を作成できませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="534"/>
        <source>%1 of %2 days</source>
        <translation>%2 日中 %1 日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="536"/>
        <source>Days a fortnight the schools ask for, and how many the plan fills.</source>
        <translation>学校が求める隔週あたりの日数と、計画で充足する日数。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="539"/>
        <location filename="../../ui/pages/planner_page.py" line="542"/>
        <source>%1 min a week</source>
        <translation>週%1分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="540"/>
        <source>One-way travel of every ALT from home to school, a week.</source>
        <translation>全ALTの自宅から学校への片道移動時間（週あたり）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="546"/>
        <source>%1–%2 classes a week</source>
        <translation>週 %1〜%2 コマ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="548"/>
        <source>Spread between the busiest and the least busy ALT: %1 classes.</source>
        <translation>最も多いALTと最も少ないALTの差：%1 コマ。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="553"/>
        <source>%1 of %2 pairs</source>
        <translation>%2 組中 %1 組</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="554"/>
        <source>not yet known</source>
        <translation>未確定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="556"/>
        <source>%1 (proven best)</source>
        <translation>%1（最適と証明済み）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="558"/>
        <source>%1 (stopped)</source>
        <translation>%1（停止）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="562"/>
        <source>A step of the search has no bound yet: a longer time limit gives one.</source>
        <translation>下界の出ていない計算ステップがあります。制限時間を延ばすと出ます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="592"/>
        <source>Replaced by the plan of %1</source>
        <translation>%1の計画に置き換え</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="594"/>
        <source>%1 leaves: last day %2</source>
        <translation>%1 が離任：最終日 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="597"/>
        <source>Moved by the re-plan</source>
        <translation>再配置による異動</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="604"/>
        <source>%1 day(s) a week</source>
        <translation>週%1日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="604"/>
        <source>%1 day(s) a fortnight</source>
        <translation>隔週%1日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="709"/>
        <source>and %1 more</source>
        <translation>ほか %1 校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="712"/>
        <source>Accepting these changes also needs the changes at %1: an ALT moves between them. Accept those too?</source>
        <translation>この変更を反映するには、%1 の変更も必要です（ALT がこれらの学校の間で移ります）。あわせて反映しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="747"/>
        <source>Placements, ALTs, schools or absences changed after this plan was made: run it again before accepting.</source>
        <translation>この計画を作った後に配置・ALT・学校・休みが変更されました。反映する前にもう一度実行してください。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="297"/>
        <source>Ticked: accepted with the other changes at this school.</source>
        <translation>チェック：この学校の他の変更とあわせて適用します。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="629"/>
        <source>%1 new placement(s), %2 ended or removed, %3 demand(s) unmet. Ticks go by school.</source>
        <translation>新規配置 %1 件、終了・削除 %2 件、未充足の需要 %3 件。チェックは学校単位です。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="295"/>
        <source>New placement</source>
        <translation>新規配置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="295"/>
        <source>Ends</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="295"/>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="296"/>
        <source>Unmet</source>
        <translation>未充足</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="689"/>
        <location filename="../../ui/pages/planner_page.py" line="711"/>
        <source>Planner</source>
        <translation>配置計画</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="695"/>
        <source>Accepted: %1 placement(s) created, %2 ended, %3 removed, %4 visit(s) generated. Undo takes it back.</source>
        <translation>適用しました：配置 新規 %1、終了 %2、削除 %3、訪問 %4 件を生成。「元に戻す」で取り消せます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planner_page.py" line="298"/>
        <source>Accepted</source>
        <translation>適用済み</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="36"/>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="37"/>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="38"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="312"/>
        <source>Check the files</source>
        <translation>ファイルの確認</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="313"/>
        <source>Cells with a problem are marked; point at one to read what is wrong. Fix them in the file, save it, and check again.</source>
        <translation>問題のあるセルには印が付きます。マウスを合わせると内容が表示されます。ファイルを直して保存し、もう一度確認してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="315"/>
        <source>Check &amp;again</source>
        <translation>再確認(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="317"/>
        <source>Sheet:</source>
        <translation>シート:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="318"/>
        <source>Problems:</source>
        <translation>問題:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="319"/>
        <source>Rows as read</source>
        <translation>読み込んだ行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="320"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="337"/>
        <source>Reading and checking the files…</source>
        <translation>ファイルを読み込んで確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="371"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="382"/>
        <source>Read as %1.</source>
        <translation>%1 として読み込みました。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="384"/>
        <source>%1 problem(s) must be fixed in the file before anything can be imported. Nothing has been changed.</source>
        <translation>取り込む前に、ファイルの問題 %1 件を直す必要があります。何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="388"/>
        <source>Everything in the files is already in ALTdesk: nothing would change.</source>
        <translation>ファイルの内容はすべて ALTdesk に登録済みです。変更はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="389"/>
        <source>Ready to import.</source>
        <translation>取り込みの準備ができました。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="391"/>
        <source>%1 warning(s): read them below; they do not stop the import.</source>
        <translation>警告 %1 件：下で確認してください。取り込みは続けられます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="316"/>
        <source>Stop reading</source>
        <translation>読み込みを中止</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="353"/>
        <source>Reading and checking the files… (row %1)</source>
        <translation>ファイルを読み込んで確認しています…（%1 行目）</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="170"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="170"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="195"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="195"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="195"/>
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="195"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="196"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="196"/>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="196"/>
        <source>What to do</source>
        <translation>対処</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="507"/>
        <source>Importing</source>
        <translation>取り込み中</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="508"/>
        <source>Cancel import</source>
        <translation>取り込みを中止</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="509"/>
        <source>Start again</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="516"/>
        <source>Writing to the database…</source>
        <translation>データベースに書き込んでいます…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="524"/>
        <source>Cancelling… nothing will be changed.</source>
        <translation>中止しています… 何も変更されません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="542"/>
        <source>Imported.</source>
        <translation>取り込みました。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/dialogs/record_dialog.py" line="91"/>
        <source>This record was deleted by someone else.</source>
        <translation>このデータは他の人が削除しました。</translation>
    </message>
</context>
<context>
    <name>RecordEditing</name>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="98"/>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="113"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="130"/>
        <location filename="../../ui/controllers/record_editing.py" line="164"/>
        <source>Not deleted</source>
        <translation>削除できません</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="153"/>
        <source>Delete the ALT %1?</source>
        <translation>ALT %1 を削除しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="160"/>
        <source>%1 has placements or visits, so deleting would lose the history. Mark the ALT as having left instead? No new visits are planned for an ALT who has left.</source>
        <translation>%1 には配置または訪問があり、削除すると履歴が失われます。代わりに退職扱いにしますか？ 退職したALTには新しい訪問は予定されません。</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="166"/>
        <source>Keep the history</source>
        <translation>履歴を残す</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="166"/>
        <source>Mark as left</source>
        <translation>退職にする</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="198"/>
        <source>Delete the school %1? Its bell schedule and its own days off go with it.</source>
        <translation>学校 %1 を削除しますか？ 時程と学校ごとの休日も削除されます。</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="221"/>
        <source>Delete the board of education %1? Its breaks and closure days go with it.</source>
        <translation>教育委員会 %1 を削除しますか？ 長期休業と学校閉庁日も削除されます。</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="256"/>
        <source>Delete the day off %1?</source>
        <translation>休日 %1 を削除しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="286"/>
        <source>Remove the override of %1? The national holiday calendar applies again.</source>
        <translation>%1 の変更を取り消しますか？ 国民の祝日のとおりに戻ります。</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="310"/>
        <source>Placement saved: %1 visits added, %2 changed, %3 removed.</source>
        <translation>配置を保存しました：訪問の追加 %1 件、変更 %2 件、削除 %3 件。</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/record_editing.py" line="335"/>
        <source>Delete the placement %1? Its planned visits are removed; visits made by hand stay.</source>
        <translation>配置 %1 を削除しますか？ 予定の訪問は削除されます。手作業で追加した訪問は残ります。</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="165"/>
        <source>Search…</source>
        <translation>検索…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="166"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="167"/>
        <source>Table</source>
        <translation>一覧</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="168"/>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="169"/>
        <source>Add a record (Insert)</source>
        <translation>新規登録（Insert キー）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="170"/>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="171"/>
        <source>Edit the selected record (Enter or double-click)</source>
        <translation>選択したデータを編集（Enter またはダブルクリック）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="172"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="173"/>
        <source>Delete the selected record (Delete)</source>
        <translation>選択したデータを削除（Del キー）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="179"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_panel.py" line="272"/>
        <source>%1 of %2</source>
        <translation>%1 / %2 件</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="36"/>
        <source>The database is damaged</source>
        <translation>データベースが破損しています</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="41"/>
        <source>No good backup was found in %1. The damaged file has not been changed; keep it and ask for help before doing anything else.</source>
        <translation>%1 に正常なバックアップが見つかりませんでした。破損したファイルは変更していません。ほかの操作をする前に、ファイルを保管したまま担当者に相談してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="47"/>
        <source>The newest good backup is from %1. Restore it? Changes made after that time are not in it. The damaged file is kept, unchanged, in %2.</source>
        <translation>最新の正常なバックアップは %1 のものです。復元しますか？ それ以降の変更は含まれません。破損したファイルは変更せずに %2 に保管します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="51"/>
        <source>Restore this backup</source>
        <translation>このバックアップを復元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="53"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="65"/>
        <source>Restore failed</source>
        <translation>復元できませんでした</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="64"/>
        <source>Visit schedules for schools (訪問予定表), monthly calendars for ALTs, the branch board, lunch order sheets and fees, as PDF or Excel. Double-click a report to make it.</source>
        <translation>学校向けの訪問予定表、ALT向けの月間予定表、支店の一覧表、教職員給食注文票と給食費を PDF や Excel で作成します。帳票をダブルクリックすると作成できます。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="66"/>
        <source>Report</source>
        <translation>帳票</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="66"/>
        <source>For</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="66"/>
        <source>Formats</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="67"/>
        <source>each school</source>
        <translation>学校ごと</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="67"/>
        <source>each ALT</source>
        <translation>ALTごと</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="67"/>
        <source>the branch</source>
        <translation>支店</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="81"/>
        <source>Export reports…</source>
        <translation>帳票の書き出し…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="82"/>
        <source>Send next month…</source>
        <translation>翌月分を送付…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="84"/>
        <source>Month-end: Send next month checks the month, then writes every school&apos;s schedule and lunch order sheet (one print file per board of education), each ALT&apos;s month and calendar, and marks it sent.</source>
        <translation>月末処理：「翌月分を送付」は月を確認してから、各学校の訪問予定表と給食注文票（教育委員会ごとの印刷用ファイルも）、各ALTの月間予定表とカレンダーを書き出し、送付済みにします。</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../ui/pages/roster_page.py" line="31"/>
        <source>Search by code, name, board…</source>
        <translation>コード・名前・教育委員会で検索…</translation>
    </message>
</context>
<context>
    <name>Rosters</name>
    <message>
        <location filename="../../ui/models/rosters.py" line="29"/>
        <source>Active</source>
        <translation>在籍</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="29"/>
        <source>On leave</source>
        <translation>休職中</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="30"/>
        <source>Left</source>
        <translation>退職</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="35"/>
        <location filename="../../ui/models/rosters.py" line="57"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="36"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="37"/>
        <source>Katakana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="38"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="41"/>
        <source>Started</source>
        <translation>入社日</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="45"/>
        <source>Levels taught</source>
        <translation>担当校種</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="46"/>
        <source>Schools</source>
        <translation>担当校数</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="48"/>
        <source>Diet</source>
        <translation>食事制限</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="48"/>
        <source>Restricted</source>
        <translation>あり</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="50"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="58"/>
        <source>Name (Japanese)</source>
        <translation>学校名</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="59"/>
        <source>Name (English)</source>
        <translation>学校名（英語）</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="62"/>
        <source>Level</source>
        <translation>校種</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="67"/>
        <source>Board of education</source>
        <translation>教育委員会</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="69"/>
        <source>Lunch</source>
        <translation>給食</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="70"/>
        <source>Price (yen)</source>
        <translation>単価（円）</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="72"/>
        <source>Contracted days</source>
        <translation>契約日数</translation>
    </message>
    <message>
        <location filename="../../ui/models/rosters.py" line="75"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="55"/>
        <source>&amp;Back Up Now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="56"/>
        <source>Back Up &amp;To…</source>
        <translation>保存先を指定してバックアップ(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="57"/>
        <source>&amp;Restore From Backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="58"/>
        <source>&amp;Verify Database</source>
        <translation>データベースを検査(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="72"/>
        <source>ALTdesk</source>
        <translation>ALTdesk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="81"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="85"/>
        <source>Back up</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="81"/>
        <source>Backing up the database…</source>
        <translation>データベースをバックアップしています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="86"/>
        <source>The backup was written to:
%1</source>
        <translation>バックアップを保存しました:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="91"/>
        <source>Back up to</source>
        <translation>バックアップの保存先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="101"/>
        <source>Restore from backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="102"/>
        <source>ALTdesk backups (*.sqlite3);;All files (*)</source>
        <translation>ALTdesk のバックアップ (*.sqlite3);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="108"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="124"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="129"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="135"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="108"/>
        <source>Checking the backup…</source>
        <translation>バックアップを確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="114"/>
        <source>unknown time</source>
        <translation>日時不明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="116"/>
        <source>Replace the database with the backup from %1 (%2 ALTs, %3 schools, %4 visits)?

A copy of the database as it is now is kept in the backups folder first.</source>
        <translation>データベースを %1 のバックアップ（ALT %2 名、学校 %3 校、訪問 %4 件）で置き換えますか？

現在のデータベースのコピーを、先にバックアップフォルダーに保存します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="129"/>
        <source>Restoring the backup…</source>
        <translation>バックアップを復元しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="136"/>
        <source>The backup was restored. The previous database is kept as:
%1</source>
        <translation>バックアップを復元しました。以前のデータベースは次の場所に保存されています:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="142"/>
        <location filename="../../ui/dialogs/safety_actions.py" line="162"/>
        <source>Verify</source>
        <translation>検査</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="142"/>
        <source>Checking the database…</source>
        <translation>データベースを検査しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="147"/>
        <source>The database is damaged: %1

It has not been changed. Close ALTdesk and start it again to restore the newest good backup, or use Restore From Backup.</source>
        <translation>データベースが破損しています：%1

データベースは変更されていません。ALTdesk を終了して起動し直すと最新の正常なバックアップを復元できます。または「バックアップから復元」を使ってください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="150"/>
        <source>The database passed the integrity check.</source>
        <translation>データベースの整合性チェックに合格しました。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="151"/>
        <source>Schema: %1 (this ALTdesk: %2)</source>
        <translation>スキーマ：%1（この ALTdesk：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="154"/>
        <source>Backups: %1, the newest from %2</source>
        <translation>バックアップ：%1 件、最新は %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/safety_actions.py" line="157"/>
        <source>There are no backups yet.</source>
        <translation>バックアップはまだありません。</translation>
    </message>
</context>
<context>
    <name>SchoolDialog</name>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="102"/>
        <source>The board&apos;s rule</source>
        <translation>教育委員会の規則</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="155"/>
        <location filename="../../ui/dialogs/school_dialog.py" line="194"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="157"/>
        <source>&amp;Code:</source>
        <translation>コード(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="158"/>
        <source>&amp;Name (Japanese):</source>
        <translation>学校名・日本語(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="159"/>
        <source>Name (&amp;English):</source>
        <translation>学校名・英語(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="160"/>
        <source>&amp;Short name:</source>
        <translation>略称(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="161"/>
        <source>&amp;Level:</source>
        <translation>校種(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="162"/>
        <source>&amp;Board of education:</source>
        <translation>教育委員会(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="163"/>
        <source>&amp;Address:</source>
        <translation>住所(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="164"/>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="165"/>
        <source>Contact &amp;teacher:</source>
        <translation>担当の先生(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="166"/>
        <source>Contracted da&amp;ys:</source>
        <translation>契約日数(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="167"/>
        <source>Locat&amp;ion (lat., long.):</source>
        <translation>所在地（緯度・経度）(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="168"/>
        <source>L&amp;unch policy:</source>
        <translation>給食の方針(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="169"/>
        <source>P&amp;rice per meal:</source>
        <translation>1食の単価(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="170"/>
        <source>Notice &amp;deadline:</source>
        <translation>連絡の締切(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="173"/>
        <source>e.g. さくら市立桜台小学校</source>
        <translation>例：さくら市立桜台小学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="174"/>
        <source>e.g. 桜台小 (for the board view)</source>
        <translation>例：桜台小（一覧表で表示）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="175"/>
        <source> days a year</source>
        <translation> 日／年</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="176"/>
        <source>Visit days a year in the contract; — if it sets none.</source>
        <translation>契約上の年間訪問日数。定めがなければ「—」。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="177"/>
        <source> yen</source>
        <translation> 円</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="180"/>
        <source>— none —</source>
        <translation>— なし —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="183"/>
        <source>Lunch (給食)</source>
        <translation>給食</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="184"/>
        <source>Bell schedule (校時)</source>
        <translation>時程（校時）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="185"/>
        <source>Periods in order; double-click or type to change a time.</source>
        <translation>校時の順に並べます。時刻はダブルクリックか入力で変更できます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="187"/>
        <source>latitude, e.g. 35.8617</source>
        <translation>緯度（例：35.8617）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="188"/>
        <source>longitude, e.g. 139.6455</source>
        <translation>経度（例：139.6455）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="189"/>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="190"/>
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="191"/>
        <source>Where the school is, in decimal degrees (both or neither): the planner estimates travel from it.</source>
        <translation>学校の位置（10進数の度。緯度と経度は両方入力するか、両方空欄）。配置計画はここから移動時間を見積もります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="195"/>
        <source>Demand</source>
        <translation>需要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="196"/>
        <source>ALT days the school asks for, per week or per fortnight; rows in force together add up. No weekday ticked: any weekday.</source>
        <translation>学校が求めるALTの日数（毎週または隔週）。同時に有効な行は合算します。曜日にチェックがなければどの曜日でも可。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="248"/>
        <source>New school</source>
        <translation>学校の新規登録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="249"/>
        <source>School %1 – %2</source>
        <translation>学校 %1 – %2</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="312"/>
        <source>Step 3 of 3: send</source>
        <translation>手順 3/3：送付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="313"/>
        <source>Writes every file at once and marks the month sent. If anything fails or you cancel, nothing is written and the month is not marked sent.</source>
        <translation>すべてのファイルを一度に書き出し、月を送付済みにします。失敗または取り消しの場合は何も書き出さず、送付済みにもしません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="315"/>
        <source>Send the month</source>
        <translation>送付する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="316"/>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="325"/>
        <source>%1 file(s) will be written to %2: boards/ (one print file per board of education), schools/ (one file per school, to e-mail or share) and alts/ (each ALT&apos;s month and .ics).</source>
        <translation>%1 件のファイルを %2 に書き出します：boards/（教育委員会ごとの印刷用）、schools/（学校ごと、メール・共有フォルダー用）、alts/（各ALTの月間予定表と .ics）。</translation>
    </message>
</context>
<context>
    <name>SendWizard</name>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="368"/>
        <location filename="../../ui/dialogs/send_wizard.py" line="425"/>
        <source>Send next month</source>
        <translation>翌月分の送付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="391"/>
        <source>Checking %1…</source>
        <translation>%1 を確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="422"/>
        <source>Sending…</source>
        <translation>送付しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/send_wizard.py" line="425"/>
        <source>Writing the month&apos;s files…</source>
        <translation>月の書類を書き出しています…</translation>
    </message>
</context>
<context>
    <name>SentStrip</name>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="125"/>
        <source>1 school&apos;s sheets differ</source>
        <translation>1 校の帳票が送付時と異なります</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="125"/>
        <source>%1 schools&apos; sheets differ</source>
        <translation>%1 校の帳票が送付時と異なります</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="127"/>
        <source>1 ALT&apos;s schedule differs</source>
        <translation>ALT 1 名の予定が送付時と異なります</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="127"/>
        <source>%1 ALTs&apos; schedules differ</source>
        <translation>ALT %1 名の予定が送付時と異なります</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="129"/>
        <source>Changed since sent on %1 — %2.</source>
        <translation>%1 の送付後に変更あり — %2。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="130"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="139"/>
        <source>%1 before an ALT&apos;s name: their schedule differs from what was sent.</source>
        <translation>ALT 名の前の %1：その ALT の予定が送付時と異なります。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="146"/>
        <source>Send again…</source>
        <translation>再送付…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="147"/>
        <source>Open Send next month on this month, to send its changes to the schools and ALTs</source>
        <translation>この月で「翌月分の送付」を開き、変更を学校と ALT に送り直します</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/sent_strip.py" line="148"/>
        <source>Changed since sent</source>
        <translation>送付後に変更あり</translation>
    </message>
</context>
<context>
    <name>SheetPreviewModel</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="118"/>
        <source>Not used by ALTdesk: this column is ignored.</source>
        <translation>ALTdesk では使わない列のため、無視します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard_models.py" line="119"/>
        <source>Read as: %1</source>
        <translation>読み込み先：%1</translation>
    </message>
</context>
<context>
    <name>SidebarCounts</name>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="83"/>
        <source>1 error</source>
        <translation>エラー 1 件</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="83"/>
        <source>%1 errors</source>
        <translation>エラー %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="84"/>
        <source>Errors in the schedule of this month and next: %1</source>
        <translation>今月と来月の予定のエラー：%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="87"/>
        <source>1 needs a substitute</source>
        <translation>代替ALT未手配 1 件</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="87"/>
        <source>%1 need a substitute</source>
        <translation>代替ALT未手配 %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="88"/>
        <source>Absences from today on with visits no substitute ALT covers yet: %1</source>
        <translation>今日以降の不在で、代替ALTが未手配の訪問があるもの：%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="92"/>
        <source>1 to review</source>
        <translation>要確認 1 名</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="92"/>
        <source>%1 to review</source>
        <translation>要確認 %1 名</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="93"/>
        <source>ALTs whose diet needs a review before they eat school lunch (own lunch until then): %1</source>
        <translation>給食の前に食事制限の確認が必要なALT（確認まで弁当持参）：%1 名</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="95"/>
        <source>changed since sent</source>
        <translation>送付後に変更あり</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="96"/>
        <source>%1 was sent and has changed since: send it again (Schedule ▸ Send next month…).</source>
        <translation>%1 は送付済みですが、送付後に変更があります。再送付してください（予定 ▸ 翌月分を送付…）。</translation>
    </message>
    <message>
        <location filename="../../ui/sidebar_counts.py" line="109"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
        <location filename="../../ui/dialogs/substitute_finder.py" line="442"/>
        <source>%1 covers %2 on %3. Undo with Ctrl+Z.</source>
        <translation>%3 の %2 は %1 が代替します。Ctrl+Zで元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="460"/>
        <source>%1 on %2 needs a substitute again.</source>
        <translation>%2 の %1 は再び代替ALTが必要です。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="471"/>
        <source>Find Substitute ALTs</source>
        <translation>代替ALTの手配</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="472"/>
        <source>A&amp;bsence:</source>
        <translation>不在(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="473"/>
        <source>Absence to cover</source>
        <translation>手配する不在</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="474"/>
        <source>A&amp;LT:</source>
        <translation>ALT(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="475"/>
        <source>ALT whose visits need covering</source>
        <translation>訪問の代替が必要なALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="476"/>
        <source>Code or name</source>
        <translation>コードまたは名前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="477"/>
        <source>&amp;From:</source>
        <translation>開始(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="478"/>
        <source>&amp;To:</source>
        <translation>終了(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="479"/>
        <source>First day</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="480"/>
        <source>Last day</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="481"/>
        <location filename="../../ui/dialogs/substitute_finder.py" line="482"/>
        <source>Visits to cover</source>
        <translation>代替が必要な訪問</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="483"/>
        <source>Already covered</source>
        <translation>手配済み</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="484"/>
        <source>Visits already covered</source>
        <translation>手配済みの訪問</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="485"/>
        <source>&amp;Remove Substitute</source>
        <translation>代替を解除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="486"/>
        <source>Who could cover the selected visit (best first)</source>
        <translation>選択した訪問の代替候補（おすすめ順）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="487"/>
        <source>Candidates</source>
        <translation>候補</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="488"/>
        <source>&amp;Assign Substitute</source>
        <translation>代替ALTに決定(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="489"/>
        <source>Assign the selected ALT (Enter or double-click)</source>
        <translation>選択したALTに決定（Enterまたはダブルクリック）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="490"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="491"/>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>直前の変更を元に戻す（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/substitute_finder.py" line="492"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="576"/>
        <source>Imported</source>
        <translation>取り込み完了</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="577"/>
        <source>What changed in ALTdesk.</source>
        <translation>ALTdesk で変更された内容です。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="578"/>
        <source>Records created or updated</source>
        <translation>新規登録・更新したデータ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="587"/>
        <source>Visits of new and changed placements: %1 generated, %2 updated, %3 removed</source>
        <translation>新規・変更した配置の訪問：生成 %1 件、更新 %2 件、削除 %3 件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="591"/>
        <source>%1 warning(s) were shown before the import.</source>
        <translation>取り込み前に警告が %1 件ありました。</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../ui/undo.py" line="46"/>
        <source>“%1” was not undone.</source>
        <translation>「%1」は元に戻せませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="47"/>
        <source>The change is still in effect and can no longer be undone.</source>
        <translation>この変更はそのまま有効で、もう元に戻すことはできません。</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="49"/>
        <source>“%1” was not redone.</source>
        <translation>「%1」はやり直せませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="50"/>
        <source>The change stays undone and can no longer be redone, nor can the changes made after it.</source>
        <translation>この変更は元に戻したままで、もうやり直すことはできません。その後の変更もやり直せません。</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="60"/>
        <source>Undo not done</source>
        <translation>元に戻せませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="61"/>
        <source>Redo not done</source>
        <translation>やり直せませんでした</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="122"/>
        <source>Edit visit</source>
        <translation>訪問の編集</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="122"/>
        <source>New visit</source>
        <translation>訪問の追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="123"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="123"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="123"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="124"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="124"/>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="124"/>
        <source>Periods</source>
        <translation>校時</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="125"/>
        <source>Classes</source>
        <translation>授業数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="125"/>
        <source>Lunch</source>
        <translation>昼食</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="125"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="126"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="129"/>
        <source>Derive from school and diet</source>
        <translation>学校と食事の情報から決める</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="130"/>
        <source>e.g. 1-4</source>
        <translation>例：1-4</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="131"/>
        <source>What this would break:</source>
        <translation>この変更で発生する問題:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="132"/>
        <source>Conflicts this change would cause</source>
        <translation>この変更で発生する問題</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="198"/>
        <source>No conflicts.</source>
        <translation>問題はありません。</translation>
    </message>
</context>
<context>
    <name>WeekdayPicker</name>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="53"/>
        <source>Mon</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="53"/>
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="53"/>
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="53"/>
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="54"/>
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demand_editor.py" line="58"/>
        <source>The weekdays the school takes the ALT; none ticked: any weekday.</source>
        <translation>ALTを受け入れる曜日。チェックがなければどの曜日でも可。</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="62"/>
        <source>Welcome to ALTdesk</source>
        <translation>ALTdesk へようこそ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="63"/>
        <source>This database is new. First, the branch: its name, address and phone are printed on every visit schedule and lunch order sheet that schools receive.</source>
        <translation>新しいデータベースです。まず支店の情報を入力してください。支店名・住所・電話番号は、学校に届くすべての訪問予定表と給食注文票に印刷されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="66"/>
        <source>Then choose how to begin:</source>
        <translation>次に、始め方を選んでください：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="67"/>
        <source>Fill in the import template</source>
        <translation>取り込み用テンプレートに記入する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="68"/>
        <source>Save the Excel template, fill in your schools, ALTs and placements, and import it.</source>
        <translation>Excel テンプレートを保存し、学校・ALT・配置を記入して取り込みます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="70"/>
        <source>Open the demo branch</source>
        <translation>デモ支店を開く</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="71"/>
        <source>A made-up branch with 20 ALTs and 60 schools, to try everything first.</source>
        <translation>ALT 20 名・学校 60 校の架空の支店で、まずすべての機能を試せます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="73"/>
        <source>Start by hand</source>
        <translation>手入力で始める</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="74"/>
        <source>Add boards, schools and ALTs one by one in Records.</source>
        <translation>教育委員会・学校・ALTを一件ずつ登録します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="103"/>
        <source>Demo branch</source>
        <translation>デモ支店</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome_dialog.py" line="104"/>
        <source>Creating the demo branch…</source>
        <translation>デモ支店を作成しています…</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../ui/worker.py" line="118"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
</TS>
