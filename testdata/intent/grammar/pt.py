# Portuguese (Brazil mostly, some European Portuguese)
SLOTS = {
    "hi": ["", "", "oi, ", "olá, ", "e aí, ", "bom dia, ", "boa tarde, ", "opa, ", "blz, ", "obrigado. ", "amigo, "],
    "msgr": ["WhatsApp", "whatsapp", "zap", "zapzap", "whats", "wpp", "Telegram", "telegram", "tg", "insta", "Instagram",
             "Signal", "Skype", "Discord", "Messenger"],
    "meet": ["Zoom", "Google Meet", "Meet", "Teams", "Skype"],
    "method": ["Pix", "pix", "PayPal", "Wise", "Payoneer", "PicPay", "Mercado Pago", "TED",
               "transferência", "transferência bancária", "boleto", "USDT", "cripto", "Binance", "MB Way", "Western Union"],
    "ms": ["o próximo marco", "a próxima milestone", "o marco 2", "a segunda parcela", "a última parcela", "o pagamento final",
           "o restante", "a segunda etapa", "o saldo"],
    "site": ["a plataforma", "o site", "o Upwork", "o Fiverr", "o Workana", "o 99Freelas", "o app"],
    "site_em": ["na plataforma", "no site", "no Upwork", "no Fiverr", "no Workana", "no 99Freelas", "aqui"],
    "site_de": ["da plataforma", "do site", "do Upwork", "do Fiverr", "do Workana", "daqui"],
    "fee": ["a taxa", "as taxas", "os 20%", "a comissão", "a taxa de serviço", "o que a plataforma cobra"],
    "pct": ["20%", "10%", "quase 20%", "uma grana"],
    "work": ["o logo", "o site", "o app", "a tradução", "o vídeo", "a landing page", "a loja", "o relatório", "as artes"],
    "amt": ["R$ 500", "200 dólares", "R$1.200", "300 reais", "US$ 150", "80 euros"],
    "tool": ["Zoom", "Google Meet", "Teams", "MS Teams", "Slack", "Asana", "Trello", "Notion", "Jira", "ClickUp", "Loom", "Calendly", "Discord", "HubSpot", "Xero", "QuickBooks", "Canva", "Figma", "Google Workspace", "Monday.com", "Airtable", "Zapier", "WhatsApp Business", "Skype", "Microsoft 365", "Basecamp"],
    "techm": ["WhatsApp", "Telegram", "Discord", "a API do WhatsApp Business", "Messenger", "Slack"],
    "techp": ["Stripe", "PayPal", "Pix", "Mercado Pago", "PagSeguro", "Asaas", "Apple Pay", "o gateway de pagamento"],
    "day": ["amanhã", "segunda", "na sexta", "hoje à tarde", "às 15h", "semana que vem"],
    "who": ["um cliente", "o cliente", "uma cliente", "um cara", "outro freela", "alguém", "um comprador"],
}

T = {
"solicit_contact": """
named: {hi}vamos [conversar|falar|continuar] pelo {msgr}[| que é mais fácil|, fica melhor|]
named: {hi}me [adiciona|add|chama] no {msgr}[| aí| que a gente conversa|]
named: {hi}[você tem|tem|vc tem] {msgr}? [a gente fala por lá|te chamo lá|]
named: {hi}me [passa|manda] seu {msgr}[| que eu te chamo| pra gente alinhar]
named: {hi}[podemos|dá pra gente] passar [a conversa|isso] pro {msgr}?
named: {hi}[me chama|me dá um alô|fala comigo] no {msgr}[| quando puder| hoje]
named: {hi}quase não [entro|olho] aqui, me [chama|procura] no {msgr}
meet: {hi}bora fazer uma [call|reunião|chamada] no {meet} [por fora|fora daqui|]? te mando o link no privado
generic: {hi}vamos [conversar|continuar] fora [da plataforma|do site|daqui]
generic: {hi}[podemos|bora] conversar no [privado|pv|particular]? [aqui não dá|aqui é monitorado|]
generic: {hi}me [passa|manda] seu [número|celular|cel|e-mail|contato] [pra gente falar direto|que eu te ligo|]
generic: {hi}[vou te passar|te passo] meu número pessoal, [me liga|me chama] direto
generic: {hi}posso te ligar [direto|no seu celular|hoje à noite]?
generic: {hi}esse chat [é muito lento|trava muito|é vigiado], [vamos|bora] falar por outro lugar
generic: {hi}como eu [falo com você|te encontro] fora {site_de}?
evasive: {hi}me [procura|acha] no [Insta|Facebook|LinkedIn] [pelo meu nome|com o mesmo nome] e me chama lá
evasive: {hi}aqui não deixa mandar [número|meu contato], me chama no {msgr}, mesmo nome
evasive: {hi}meu [número|zap] tá na foto do perfil, [me chama|me manda msg]
""",
"solicit_payment": """
named: {hi}[pode|consegue|dá pra] me pagar [via|por] {method}[| direto|?]
named: {hi}[aceito|só aceito|prefiro] {method}[| pro pagamento|, pode ser?]
named: {hi}me [manda|faz|transfere] {amt} via {method} que eu [começo|já começo] hoje
named: {hi}vou te passar os dados [do|pro] {method}, [aí você paga|manda] lá
named: {hi}{method} [serve|pode ser] pra você? [é mais rápido|assim a gente não paga {fee}|]
named: {hi}eu te pago via {method} [direto|por fora] [e economizamos {fee}|se preferir|]
milestone: {hi}{ms} [manda|paga] direto via {method}, não {site_em}
milestone: {hi}[vamos|bora] fazer {ms} por fora[ via {method}| direto|]
milestone: {hi}[fecha|encerra] o contrato aqui e {ms} você me paga via {method}
milestone: {hi}não [precisa|] [depositar|liberar] {ms} {site_em}, [me manda|faz] [via {method}|direto]
milestone: {hi}pra [não pagar |fugir d]{fee}, {ms} a gente faz por fora?
fee: {hi}me paga direto e a gente [foge d|economiza n|não paga ]{fee}
fee: {hi}{site} fica com {pct}, [melhor|bora] fazer [direto|por fora]
fee: {hi}te dou [desconto|um precinho melhor] se pagar por fora
fee: {hi}pra que dar {pct} pro site? paga direto [e fica bom pros dois|que eu cobro menos]
generic: {hi}[deposita|transfere|manda] [o dinheiro|a grana|o adiantamento|o resto] na minha conta [direto|pessoal|]
generic: {hi}[deposita|faz o pix] na conta do meu [primo|irmão|cunhado|esposa], [a minha tá bloqueada|é a mesma coisa]
generic: {hi}te pago em dinheiro [quando a gente se encontrar|pessoalmente|em mãos]
generic: {hi}[metade aqui|a entrada aqui] e o resto [por fora|direto|via {method}]
""",
"none": """
tools: [domino|uso no dia a dia|ferramentas:|tenho experiência com] {tool}, {tool}, {tool} e {tool}[|, a que sua equipe já usa]
tools: [nossa equipe|o time] usa {tool} para [tarefas|reuniões internas] e {tool} para [documentos|chamadas][|, o acesso é liberado após a contratação]
refusal: {hi}[desculpa,|foi mal,|sinto muito,] [só trabalho|só recebo|só converso] [pela plataforma|pelo site|por aqui][| por segurança|, espero que entenda]
refusal: {hi}não posso [passar|compartilhar] meu [número|e-mail|zap] antes do contrato, [vamos continuar por aqui|falamos aqui]
refusal: {hi}não aceito pagamento fora {site_de}[, desculpa|, é contra as regras|, protege nós dois]
refusal: {hi}prefiro manter [tudo|a conversa|o pagamento] {site_em}
refusal: {hi}não, não vou sair {site_de}. [pagamento pelo marco tá ótimo|seguimos por aqui]
internal: {hi}[por favor|pfv] [libera|paga|deposita] {ms} [pela plataforma|no contrato|{site_em}]
internal: {hi}já [entreguei|enviei] {ms}, [pode revisar e aprovar?|me avisa se tá tudo certo]
internal: {hi}[vamos|bora] usar a chamada de vídeo da plataforma {day}[| pra ver {work}]
internal: {hi}já [depositei|criei] {ms} [de {amt}|], pode começar
internal: {hi}manda os arquivos aqui no chat[| do projeto| da plataforma]
feature: {hi}preciso de um bot de {techm} [pra minha loja|pro atendimento|que mande avisos de pedido]
feature: {hi}você [consegue|sabe] integrar {techp} [no meu site|no app|no checkout]?
feature: {hi}o [webhook|API|sandbox] do {techp} [não funciona|dá erro 401|tá falhando] [desde ontem|em produção|]
feature: {hi}coloca um botão "[fale conosco no|compartilhar no]" {techm} na landing
smalltalk: {hi}[kkkk|haha|] o {techm} [caiu|tava horrível|travou] [ontem|a manhã toda]
smalltalk: {hi}minha [família|mãe|equipe] usa {techm} pra tudo[ kkk|]
schedule: {hi}vamos [marcar|agendar] uma call [aqui|pela plataforma] {day}?
schedule: {hi}te mandei o convite da reunião pela plataforma pra {day}
rules: {hi}[só pra avisar,|lembrando que] {site} não permite [passar contato|pagamento por fora] antes do contrato
rules: {hi}as regras dizem que todo pagamento [tem que passar|passa] {site_em}
report: {hi}{who} me pediu pra pagar [via {method}|por fora] e eu [recusei|disse não|denunciei]
report: {hi}{who} [queria|pedia] meu {msgr}, [eu denunciei|falei que não|não passei]
report: {hi}como eu denuncio {who} que [pediu|tá pedindo] pagamento por fora?
project: {hi}[meu valor|o orçamento] pra {work} é {amt}[, taxa inclusa|]
project: {hi}{ms} [vai ser|é] de {amt}[, pra {day}|]
project: {hi}a página de pagamento [mostra|tá com] [a taxa errada|um bug] no celular
project: {hi}[corrige|verifica] a validação do campo de [telefone|e-mail] no cadastro
project: {hi}a gente vê isso na call da plataforma {day}
""",
}

# ---- segunda passada
SLOTS["wd"] = ["Payoneer", "PayPal", "Wise", "meu banco", "Nubank", "Banco do Brasil", "Inter"]
T["solicit_contact"] += """
inperson: {hi}a gente tá na mesma cidade, [bora tomar um café|vamos nos encontrar|que tal um encontro] pra falar d{work} pessoalmente?
client: {hi}[esse é|segue] meu [número direto|celular pessoal], [me liga|me chama no zap|me manda mensagem] [quando quiser|{day}]
client: {hi}minha [assistente|sócia] vai te [ligar|chamar] direto, [me passa seu número|deixa seu telefone]
after: {hi}[quando você aceitar|assim que fechar], [a gente passa|seguimos] pro {msgr}[ pro dia a dia|, é mais prático|]
after: {hi}vou criar um grupo no {msgr} com minha equipe [e a gente fala por lá|pra não usar esse chat]
vague: {hi}tem [outro jeito|alguma outra forma] de [falar com você|te contatar]?
"""
T["solicit_payment"] += """
invoice: {hi}me [manda|envia] a nota [por e-mail|direto|por fora] que eu pago [via {method}|direto]
cancel: {hi}[cancela|encerra] o contrato [aqui|agora] e o resto eu te pago [direto|via {method}|por fora]
bonus: {hi}te mando [uma gorjeta|um bônus|um extra] via {method}[, não pelo site| por fora|]
client: {hi}[sempre|normalmente] pago os freelas via {method}, [pode ser|tudo bem]?
client: {hi}[me passa|qual] sua [chave Pix|conta do PayPal|conta da Wise|conta bancária][ pra eu te pagar|?]
"""
T["none"] += """
withdraw: {hi}[eu saco|transfiro] meus ganhos {site_de} pro {wd}[ toda semana| uma vez por mês|]
withdraw: {hi}o saque pro {wd} [tá pendente|demora 3 dias|já caiu][, obrigado por liberar o marco|]
funding: {hi}vou [cadastrar|adicionar] [meu cartão|o PayPal] como forma de pagamento {site_em} [pra depositar {ms}|e te pago|]
bonus: {hi}te mando um bônus pela plataforma[ pelo trabalho extra| depois d{ms}|]
nochannel: {hi}não uso {msgr}[ pra trabalho|, desculpa|, seguimos aqui|]
nochannel: {hi}não precisa [trocar número|passar e-mail], esse chat [me atende|tá ótimo]
scam: {hi}[cuidado|fica esperto], golpista [sempre|costuma] pedir pra [ir pro {msgr}|pagar via {method}|pagar por fora]
project: {hi}[coloca|desenha] um botão de [contato|zap|ligação] no [rodapé|topo|landing]
"""

# ---- terceira passada (redigida diferente das mensagens escritas à mão de natural/)
T["solicit_contact"] += """
email: {hi}[bora|podemos] passar pro e-mail [pra papelada|pros arquivos|com isso]? [esse chat é ruim|meu inbox é mais prático|]
email: {hi}e-mail funciona melhor pra mim, [o endereço tá|coloquei] [no meu perfil|no meu currículo]
callback: {hi}[dá um toque|liga e desliga] no meu [número|cel] [quando puder|hoje à noite][ que eu retorno|]
callback: {hi}vou te ligar [daqui a pouco|agora], atende o número desconhecido
sms: {hi}manda o ponto de [encontro|retirada] [por SMS|por mensagem] no meu cel[, tô sem notebook|, tô na rua|]
google: {hi}meu [estúdio|negócio|loja] aparece primeiro no Google, [liga no número de lá|o telefone tá no site]
meetq: {hi}[podemos|dá pra] fazer a [entrevista|call] pelo {meet}? [é o que a gente usa|a equipe tá lá|]
"""
T["solicit_payment"] += """
split: {hi}deposita só [um valor simbólico|o mínimo] no contrato [pra parecer normal|pra constar], o [valor de verdade|grosso] a gente acerta [via {method}|no particular]
feecover: {hi}a taxa que o {method} cobrar fica comigo, só recebe por lá
limit: {hi}[minha conta tá congelada|meus recebimentos travaram] [até mês que vem|por enquanto], manda pro [meu irmão|meu primo|meu parceiro] que ele me repassa
visit: {hi}a parte da [instalação|entrega] eu acerto em dinheiro [no dia|aqui em casa], o app nem fica sabendo
"""
T["none"] += """
discount: {hi}a [taxa|comissão] [pesa|tá salgada], tem como dar um [descontinho|desconto] no orçamento?
support: {hi}quantos dias leva um saque pro {wd} {site_de}?
support: {hi}dá pra vincular o {wd} pra saques {site_em}?
released: {hi}acabei de aprovar {ms} {site_em}[, mandou bem!|, cinco estrelas|, já deve cair pra você|]
otp: {hi}o usuário tem que receber um código [por SMS|no celular] no cadastro, [consegue montar|dá pra fazer] com Twilio ou parecido?
invoiceup: {hi}anexa a nota no [marco|contrato] {site_em}[ pra gente lançar|]
dontsend: {hi}não precisa [trocar contato|passar número] [ainda|por enquanto], tudo pode ficar [nesse chat|{site_em}] até o contrato começar
payon: {hi}quando {work} for aprovado, o pagamento inteiro sai {site_em}
offered: {hi}{who} tentou me convencer com [um bônus|uma grana extra|um valor maior] pra receber via {method}, [nem pensar|recusei|tô fora]
"""

# ---- quarta passada: redes, áudios, gift cards, cobranças e links de pagamento, remessas
T["solicit_contact"] += """
social: {hi}[me segue|me adiciona|conecta comigo] no [LinkedIn|Insta|TikTok] e [a gente conversa por lá|te chamo na DM]
social: {hi}[entra|te convido pro] nosso [servidor do Discord|grupo do Telegram|grupo do zap] [pra alinhar|do projeto]
voice: {hi}me [grava|manda] um [áudio|audiozinho] no {msgr}[ explicando| com os detalhes|]
"""
T["solicit_payment"] += """
giftcard: {hi}você [aceita|topa receber] [gift card|vale-presente|cartão da Steam] como pagamento?
"""
T["none"] += """
allowed: {hi}{who} quer que eu pague [direto|por fora|via {method}], [isso é permitido|é contra as regras|devo denunciar]?
feeq: {hi}quanto {site} [cobra|fica] em contrato [por hora|de preço fixo|longo]?
wallet: {hi}[estamos criando|preciso de] um [app de carteira cripto|app de remessas|app de pagamento P2P] e [procuro|preciso de] dev [mobile|backend|Flutter]
"""
T["solicit_payment"] += """
billme: {hi}me [cobra|fatura] via {method} [em vez daqui|por fora {site_de}|sem passar pelo contrato]
ownsite: {hi}tem uma página de pagamento no meu [site|site próprio], [paga|quita] [o sinal|o resto|o saldo] por lá[ e a gente foge d{fee}|]
mtcn: {hi}vai numa agência [da Western Union|da MoneyGram|de remessa] e me [manda|passa] o [código MTCN|número de controle], eu saco
"""
T["none"] += """
plain: {hi}[consegue|pode] [aumentar o cabeçalho|trocar a fonte|usar as cores da marca|encurtar a intro] n{work}?
plain: {hi}[valeu|obrigado|show], [ficou ótimo|é exatamente o que eu queria|amei a segunda versão][, mando feedback {day}|, só um ajuste pequeno|]
plain: {hi}qual seu [prazo|disponibilidade] pra {work}? [precisamos {day}|sem pressa|]
plain: {hi}já [subi|mandei] [o briefing|os arquivos do logo|os textos] aí em cima, [me avisa se faltar algo|dá uma olhada quando puder]
"""

# ---- quinta passada: pergunta por um lugar mais reservado/fora, como falar fora do site, manda teu e-mail/número
# que eu mando o briefing, parente que paga, quita o resto por transferência depois de fechar o contrato,
# extras pequenos por fora; negativos difíceis (taxa explicada, conversa aqui amanhã, apps na conversa, gateways, relatos).
SLOTS["rel"] = ["meu primo", "minha prima", "meu irmão", "minha irmã", "minha esposa", "meu marido", "meu sócio", "o financeiro", "minha mãe"]
SLOTS["contact"] = ["seu e-mail pessoal", "teu email", "seu número", "teu zap", "seu celular", "teu contato", "seu gmail"]
T["solicit_contact"] += """
private: {hi}[dá pra gente|podemos|bora] [continuar|conversar|falar] num lugar mais reservado?
private: {hi}[tem como|da pra] [falar|conversar] [por fora|fora daqui|no privado]?
reach: {hi}como [eu faço pra|consigo] falar com você fora [daqui|do site|da plataforma]?
reach: {hi}[qual|tem algum] jeito de te achar fora {site_de}?
brief: {hi}me [passa|manda] {contact} que eu mando o [briefing|brief|material] por lá
brief: {hi}[segue|anota] meu [e-mail pessoal|número|zap], me manda as [infos|referências] direto lá
"""
T["solicit_payment"] += """
relative: {hi}quem cuida [dos pagamentos|da grana|do financeiro] é {rel}, [ele|ela] te [manda|faz o pix|transfere] direto
relative: {hi}[pode mandar|manda] [pra|na] conta d[o|a] {rel}[, a minha tá bloqueada|, dá no mesmo|]
settle: {hi}[encerra|finaliza] o contrato {site_em} e [o saldo|a diferença] eu [acerto|quito] com você [via TED|no pix|por transferência][ direto|]
settle: {hi}fecha o contrato {site_em} que o restante eu te [transfiro|passo] [direto|por fora]
extras: {hi}[os extras|esses ajustes pequenos|essas coisinhas a mais] não precisa passar pela plataforma, [te pago por fora|faço um pix]
extras: {hi}[pra essas alterações|pelos extras] [nem|não] precisa abrir [outro contrato|milestone], te pago direto
"""
T["none"] += """
feeexp: {hi}a taxa de serviço é [descontada automaticamente|descontada no saque], por isso o valor que cai é menor
feeexp: {hi}[o site|a plataforma] já desconta a comissão sozinh[o|a], coloquei isso no orçamento
chathere: {hi}[amanhã|{day}] a gente conversa aqui no chat[ mesmo|, beleza?|]
smalltalk: {hi}meus pais finalmente [foram pro|instalaram o] {techm}[ kkkk|, milagre|]
gateway: {hi}precisamos integrar {techp} e [Pix|boleto|cartão] no [site|checkout]
report: {hi}{who} [me pediu|queria] pra pagar por [Pix|fora|PayPal], [recusei|denunciei]
report: {hi}{who} [pediu|queria] meu [zap|número], [não passei|reportei]
"""
